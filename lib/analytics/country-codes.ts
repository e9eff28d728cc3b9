/**
 * Country codes for the world map: the ISO 3166-1 numeric ids of world-atlas's countries-110m features as
 * alpha-2 codes (the breakdown's), and where to mark countries too small for (or absent from) that atlas.
 */

/** Every id in world-atlas 2.0.2 countries-110m.json, as ISO 3166-1 alpha-2. */
export const NUMERIC_TO_ALPHA2: Readonly<Record<string, string>> = {
  '004': 'AF', '008': 'AL', '010': 'AQ', '012': 'DZ', '024': 'AO', '031': 'AZ', '032': 'AR', '036': 'AU', '040': 'AT',
  '044': 'BS', '050': 'BD', '051': 'AM', '056': 'BE', '064': 'BT', '068': 'BO', '070': 'BA', '072': 'BW', '076': 'BR',
  '084': 'BZ', '090': 'SB', '096': 'BN', '100': 'BG', '104': 'MM', '108': 'BI', '112': 'BY', '116': 'KH', '120': 'CM',
  '124': 'CA', '140': 'CF', '144': 'LK', '148': 'TD', '152': 'CL', '156': 'CN', '158': 'TW', '170': 'CO', '178': 'CG',
  '180': 'CD', '188': 'CR', '191': 'HR', '192': 'CU', '196': 'CY', '203': 'CZ', '204': 'BJ', '208': 'DK', '214': 'DO',
  '218': 'EC', '222': 'SV', '226': 'GQ', '231': 'ET', '232': 'ER', '233': 'EE', '238': 'FK', '242': 'FJ', '246': 'FI',
  '250': 'FR', '260': 'TF', '262': 'DJ', '266': 'GA', '268': 'GE', '270': 'GM', '275': 'PS', '276': 'DE', '288': 'GH',
  '300': 'GR', '304': 'GL', '320': 'GT', '324': 'GN', '328': 'GY', '332': 'HT', '340': 'HN', '348': 'HU', '352': 'IS',
  '356': 'IN', '360': 'ID', '364': 'IR', '368': 'IQ', '372': 'IE', '376': 'IL', '380': 'IT', '384': 'CI', '388': 'JM',
  '392': 'JP', '398': 'KZ', '400': 'JO', '404': 'KE', '408': 'KP', '410': 'KR', '414': 'KW', '417': 'KG', '418': 'LA',
  '422': 'LB', '426': 'LS', '428': 'LV', '430': 'LR', '434': 'LY', '440': 'LT', '442': 'LU', '450': 'MG', '454': 'MW',
  '458': 'MY', '466': 'ML', '478': 'MR', '484': 'MX', '496': 'MN', '498': 'MD', '499': 'ME', '504': 'MA', '508': 'MZ',
  '512': 'OM', '516': 'NA', '524': 'NP', '528': 'NL', '540': 'NC', '548': 'VU', '554': 'NZ', '558': 'NI', '562': 'NE',
  '566': 'NG', '578': 'NO', '586': 'PK', '591': 'PA', '598': 'PG', '600': 'PY', '604': 'PE', '608': 'PH', '616': 'PL',
  '620': 'PT', '624': 'GW', '626': 'TL', '630': 'PR', '634': 'QA', '642': 'RO', '643': 'RU', '646': 'RW', '682': 'SA',
  '686': 'SN', '688': 'RS', '694': 'SL', '703': 'SK', '704': 'VN', '705': 'SI', '706': 'SO', '710': 'ZA', '716': 'ZW',
  '724': 'ES', '728': 'SS', '729': 'SD', '732': 'EH', '740': 'SR', '748': 'SZ', '752': 'SE', '756': 'CH', '760': 'SY',
  '762': 'TJ', '764': 'TH', '768': 'TG', '780': 'TT', '784': 'AE', '788': 'TN', '792': 'TR', '795': 'TM', '800': 'UG',
  '804': 'UA', '807': 'MK', '818': 'EG', '826': 'GB', '834': 'TZ', '840': 'US', '854': 'BF', '858': 'UY', '860': 'UZ',
  '862': 'VE', '887': 'YE', '894': 'ZM',
};

/** Atlas features without an ISO id, by their atlas name (Kosovo's user-assigned code is what geoip gives). */
export const UNNUMBERED_TO_ALPHA2: Readonly<Record<string, string>> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

/**
 * [longitude, latitude] of the countries drawn as circle markers: absent from the 110m atlas, or too small to
 * see or click in it (Luxembourg).
 */
export const MARKER_COORDINATES: Readonly<Record<string, readonly [number, number]>> = {
  AD: [1.52, 42.51], AG: [-61.8, 17.06], AI: [-63.05, 18.22], AS: [-170.7, -14.27], AW: [-69.97, 12.52], AX: [19.94, 60.1],
  BB: [-59.54, 13.19], BH: [50.55, 26.07], BL: [-62.85, 17.9], BM: [-64.75, 32.3], BQ: [-68.26, 12.18], CK: [-159.78, -21.24],
  CV: [-23.6, 15.1], CW: [-68.99, 12.17], DM: [-61.37, 15.41], FM: [158.16, 6.92], FO: [-6.91, 61.89], GD: [-61.68, 12.12],
  GF: [-53.13, 3.93], GG: [-2.58, 49.45], GI: [-5.35, 36.14], GP: [-61.55, 16.25], GU: [144.79, 13.44], HK: [114.17, 22.32],
  IM: [-4.55, 54.24], JE: [-2.13, 49.21], KI: [173.0, 1.45], KM: [43.87, -11.88], KN: [-62.78, 17.36], KY: [-81.25, 19.31],
  LC: [-60.98, 13.91], LI: [9.55, 47.16], LU: [6.13, 49.61], MC: [7.42, 43.74], MF: [-63.06, 18.07], MH: [171.18, 7.13],
  MO: [113.54, 22.2], MP: [145.67, 15.1], MQ: [-61.02, 14.64], MS: [-62.19, 16.74], MT: [14.44, 35.9], MU: [57.55, -20.35],
  MV: [73.51, 4.17], NR: [166.93, -0.52], NU: [-169.87, -19.05], PF: [-149.41, -17.68], PM: [-56.3, 46.9], PW: [134.58, 7.51],
  RE: [55.54, -21.12], SC: [55.45, -4.68], SG: [103.82, 1.35], SM: [12.46, 43.94], ST: [6.61, 0.19], SX: [-63.05, 18.04],
  TC: [-71.8, 21.8], TO: [-175.2, -21.18], TV: [179.2, -8.52], VA: [12.45, 41.9], VC: [-61.2, 13.25], VG: [-64.62, 18.42],
  VI: [-64.9, 18.34], WF: [-176.2, -13.77], WS: [-172.1, -13.76], YT: [45.17, -12.83],
};

/** Antarctica is left off the drawn map (it would take a fifth of its height for no conversations). */
export const UNDRAWN_IDS: ReadonlySet<string> = new Set(['010']);

/** Alpha-2 codes that the map draws as a shape. */
export const ATLAS_CODES: ReadonlySet<string> = new Set([
  ...Object.entries(NUMERIC_TO_ALPHA2).filter(([id]) => !UNDRAWN_IDS.has(id)).map(([, code]) => code),
  ...Object.values(UNNUMBERED_TO_ALPHA2),
]);
