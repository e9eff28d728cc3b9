import { expect, test } from 'vitest';
import { detectLanguage } from './language';

test('detects common languages from user messages', async () => {
  expect(await detectLanguage(['Hello, I would like to check the status of my order please.'])).toBe('en');
  expect(await detectLanguage(['Hola, me gustaría saber el estado de mi pedido, por favor.'])).toBe('es');
  expect(await detectLanguage(['Hallo, ich möchte gerne den Status meiner Bestellung wissen.'])).toBe('de');
  expect(await detectLanguage(["Bonjour, je voudrais connaître le statut de ma commande, s'il vous plaît."])).toBe('fr');
});

test('pools several short messages into one sample', async () => {
  expect(await detectLanguage(['Hola', '¿Dónde está mi pedido?', 'Gracias por la ayuda'])).toBe('es');
});

test('returns null when there is too little text to tell', async () => {
  expect(await detectLanguage([])).toBeNull();
  expect(await detectLanguage([''])).toBeNull();
  expect(await detectLanguage(['ok', 'thanks'])).toBeNull();
  expect(await detectLanguage(['12345 !!! 67890 ???'])).toBeNull();
});
