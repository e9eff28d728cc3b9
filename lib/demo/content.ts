/** What the demo avatars and their users say: realistic lines with positive, neutral and negative users. */

export type DemoAvatar = {
  id: string;
  name: string;
  weight: number;
  tools: { name: string; minMs: number; maxMs: number }[];
  openers: string[];
  followUps: string[];
  replies: string[];
  language?: string;
};

export const DEMO_AVATARS: DemoAvatar[] = [
  {
    id: 'avt_support',
    name: 'Support Bot',
    weight: 40,
    tools: [
      { name: 'lookup_order', minMs: 120, maxMs: 900 },
      { name: 'search_knowledge_base', minMs: 200, maxMs: 1400 },
      { name: 'refund_status', minMs: 150, maxMs: 700 },
    ],
    openers: [
      'Hi, where is my order? It was supposed to arrive yesterday.',
      'I need to change the delivery address for order 48213.',
      'How do I reset my password?',
      'My package arrived damaged, what can I do?',
      'Can I return a jacket I bought two weeks ago?',
      'The app keeps logging me out, this is really annoying.',
    ],
    followUps: ['The order number is 48213.', 'It says delivered but I have nothing.', 'Ok, and how long does a refund take?', 'Can you send me the return label?'],
    replies: [
      'Let me check that order for you.',
      'I found your order: it is out for delivery and should arrive today before 6pm.',
      'You can reset your password from the sign-in page with "Forgot password".',
      'I am sorry about that. I have started a replacement for you.',
      'Returns are free within 30 days. I have emailed you a prepaid label.',
    ],
  },
  {
    id: 'avt_sales',
    name: 'Sales Assistant',
    weight: 25,
    tools: [
      { name: 'check_pricing', minMs: 80, maxMs: 400 },
      { name: 'create_lead', minMs: 150, maxMs: 600 },
      { name: 'book_demo', minMs: 300, maxMs: 1800 },
    ],
    openers: [
      'What does the Pro plan cost for a team of 12?',
      'Do you offer a discount for nonprofits?',
      'Can I get a demo next week?',
      'How does your product compare to the one we use now?',
    ],
    followUps: ['We are about 40 people in support.', 'Is there an annual plan?', 'Does it integrate with Salesforce?', 'Tuesday afternoon works for us.'],
    replies: [
      'The Pro plan is $49 per seat per month, or $39 billed yearly.',
      'Yes, nonprofits get 30% off every plan.',
      'I can book that for you. Which day suits you best?',
      'It integrates with Salesforce, HubSpot and Zendesk out of the box.',
    ],
  },
  {
    id: 'avt_onboarding',
    name: 'Onboarding Guide',
    weight: 15,
    tools: [{ name: 'create_workspace', minMs: 400, maxMs: 2500 }, { name: 'invite_teammate', minMs: 100, maxMs: 500 }],
    openers: ['How do I invite my team?', 'Where do I find my API key?', 'What should I set up first?', 'I am stuck on step 3 of the setup.'],
    followUps: ['Done, what next?', 'It shows an error about permissions.', 'Can I import my old data?'],
    replies: [
      'Open Settings, then Team, and click "Invite".',
      'Your API key is under Settings › API keys.',
      'Start by connecting your first channel, then invite your team.',
      'That error means you need the admin role. Ask your workspace owner to upgrade your role.',
    ],
  },
  {
    id: 'avt_concierge',
    name: 'Hotel Concierge',
    weight: 12,
    tools: [{ name: 'book_room', minMs: 500, maxMs: 3000 }, { name: 'restaurant_reservation', minMs: 300, maxMs: 1500 }],
    openers: ['Can I book a room for two nights from Friday?', 'Is breakfast included?', 'Can you recommend a restaurant nearby?', 'What time is check-out?'],
    followUps: ['For two adults please.', 'Something Italian would be lovely.', 'Can I have a late check-out?'],
    replies: ['I have a double room available for Friday and Saturday at €140 per night.', 'Breakfast is included from 7 to 10:30.', 'Trattoria Da Enzo is a five minute walk and has a table at 8pm.', 'Check-out is at 11am; late check-out until 1pm is free for members.'],
  },
  {
    id: 'avt_tutor',
    name: 'Spanish Tutor',
    weight: 8,
    language: 'es',
    tools: [{ name: 'conjugate_verb', minMs: 50, maxMs: 300 }],
    openers: ['¿Cómo se dice "I would like a coffee" en español?', 'No entiendo la diferencia entre ser y estar.', 'Quiero practicar el pretérito, por favor.'],
    followUps: ['¿Y en el pasado?', 'Dame otro ejemplo, por favor.', 'Creo que ya lo entiendo mejor.'],
    replies: ['Se dice "Me gustaría un café".', '"Ser" es para cosas permanentes y "estar" para estados temporales.', 'Muy bien. Conjuga el verbo "comer" en pretérito.'],
  },
];

export const HAPPY_CLOSERS = ['Thank you so much, that really helped!', 'Perfect, thanks!', 'Great, thank you, you were very helpful.', 'Awesome, that was quick. Thanks!'];
export const ANGRY_LINES = [
  'This is ridiculous, I have been waiting for a week and nobody helps me.',
  'Your answers are useless. I want to talk to a real person.',
  'Terrible service, I am very disappointed.',
  'This is the third time I ask and it still does not work!',
];
export const EMAIL_LINES = ['You can reach me at jane.doe@example.com', 'My email is tom.baker@example.org', 'Send it to priya.k@example.net please'];
export const SPANISH_CLOSERS = ['¡Muchas gracias, me ayudaste mucho!', 'Gracias, ahora lo entiendo.'];

export const SOURCES: [string, number][] = [['web', 50], ['whatsapp', 18], ['ios-app', 12], ['messenger', 8], ['viber', 5], ['android-app', 7]];
export const DEVICES: ['desktop' | 'mobile' | 'tablet', number][] = [['desktop', 48], ['mobile', 44], ['tablet', 8]];

/** Public addresses whose country the bundled IP database knows (checked against it). */
export const IPS_BY_COUNTRY: [string, string, number][] = [
  ['US', '8.8.8.8', 30], ['GB', '212.58.244.20', 10], ['DE', '81.169.145.105', 10], ['FR', '193.51.224.41', 7],
  ['ES', '80.58.61.250', 6], ['BR', '200.160.0.8', 6], ['CA', '24.114.64.1', 6], ['IN', '14.139.1.1', 6],
  ['JP', '202.12.27.33', 4], ['AU', '1.128.0.1', 4], ['MX', '201.141.1.1', 4], ['NL', '194.109.6.66', 3],
  ['IT', '62.149.128.4', 2], ['ZA', '196.25.1.1', 1], ['AR', '200.42.1.1', 1],
];

export const USER_AGENTS: Record<'desktop' | 'mobile' | 'tablet', string> = {
  desktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  mobile: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  tablet: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

/** Users writing in their own language, for customers from these countries (the language is detected when not sent). */
export const LOCALIZED_LINES: Record<string, { language: string; lines: string[]; thanks: string }> = {
  DE: { language: 'de', lines: ['Hallo, wo ist meine Bestellung? Sie sollte gestern ankommen.', 'Ich möchte meine Lieferadresse ändern.', 'Wie kann ich mein Passwort zurücksetzen?'], thanks: 'Vielen Dank, das hat mir sehr geholfen!' },
  FR: { language: 'fr', lines: ['Bonjour, où est ma commande ? Elle devait arriver hier.', 'Je voudrais changer mon adresse de livraison.', 'Comment est-ce que je peux réinitialiser mon mot de passe ?'], thanks: 'Merci beaucoup, vous avez été très utile !' },
  BR: { language: 'pt', lines: ['Olá, onde está o meu pedido? Deveria ter chegado ontem.', 'Quero mudar o endereço de entrega.', 'Como faço para redefinir a minha senha?'], thanks: 'Muito obrigado, ajudou bastante!' },
  ES: { language: 'es', lines: ['Hola, ¿dónde está mi pedido? Debía llegar ayer.', 'Quiero cambiar la dirección de entrega.', '¿Cómo puedo restablecer mi contraseña?'], thanks: '¡Muchas gracias, me ayudaste mucho!' },
};
