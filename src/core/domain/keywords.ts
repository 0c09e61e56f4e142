/** Words phishing hosts put next to a brand (combosquatting), in several languages. */
export const COMBO_KEYWORDS: ReadonlySet<string> = new Set([
  // English
  'login', 'log', 'logon', 'signin', 'sign', 'secure', 'security', 'verify', 'verification', 'verified', 'account',
  'accounts', 'acc', 'support', 'help', 'helpdesk', 'service', 'services', 'customer', 'care', 'delivery', 'deliver',
  'parcel', 'package', 'tracking', 'track', 'shipping', 'shipment', 'prime', 'otp', 'code', 'codes', 'refund',
  'refunds', 'gift', 'giftcard', 'card', 'cards', 'order', 'orders', 'billing', 'bill', 'invoice', 'update',
  'updates', 'confirm', 'confirmation', 'auth', 'authenticate', 'password', 'reset', 'recover', 'recovery',
  'unlock', 'locked', 'suspended', 'alert', 'alerts', 'notice', 'payment', 'payments', 'pay', 'wallet',
  'claim', 'reward', 'rewards', 'bonus', 'promo', 'free', 'online', 'web', 'webapp', 'portal', 'id', 'identity',
  'validate', 'validation', 'check', 'review', 'resolution', 'center', 'centre', 'official', 'connect', 'app',
  'redelivery', 'fee', 'fees', 'customs', 'clone', 'airdrop', 'migrate', 'migration', 'sync', 'restore',
  'dapp', 'dapps', 'mail', 'email', 'team', 'contact', 'member', 'members', 'user', 'users', 'client', 'admin',
  'banking', 'bank', 'appeal', 'appeals', 'case', 'policy', 'violation', 'copyright', 'session', 'access',
  // German
  'anmelden', 'anmeldung', 'konto', 'sicherheit', 'bestaetigen', 'kundenservice', 'zahlung', 'paket', 'sendung',
  // French
  'connexion', 'compte', 'securite', 'verifier', 'colis', 'livraison', 'paiement', 'remboursement', 'aide',
  // Spanish / Portuguese / Italian
  'cuenta', 'acceso', 'ingresar', 'seguridad', 'verificar', 'pago', 'envio', 'paquete', 'reembolso', 'ayuda',
  'conta', 'entrar', 'acesso', 'seguranca', 'pagamento', 'entrega', 'encomenda', 'accesso', 'sicurezza',
  'verifica', 'pagamento', 'spedizione', 'rimborso', 'accedi',
  // Dutch / Polish / Turkish
  'inloggen', 'rekening', 'betaling', 'pakket', 'logowanie', 'konto', 'platnosc', 'przesylka', 'giris', 'hesap',
  'dogrulama', 'odeme', 'kargo',
  // Japanese (romanised and native)
  'rogin', 'ログイン', 'アカウント', '確認', '本人確認', '支払い',
]);

/** Public-suffix words a phisher writes inside a name ("amazon-com", "amazoncouk"). */
export const TLD_WORDS: ReadonlySet<string> = new Set([
  'com', 'net', 'org', 'co', 'uk', 'couk', 'de', 'fr', 'it', 'es', 'nl', 'se', 'pl', 'jp', 'cojp', 'ca', 'au',
  'comau', 'in', 'br', 'combr', 'mx', 'commx', 'tr', 'comtr', 'ae', 'sa', 'sg', 'eg', 'be', 'us', 'io', 'www',
]);

/** Hosting and shared platforms: anyone can publish a site under these suffixes. */
export const SHARED_PLATFORM_SUFFIXES: ReadonlySet<string> = new Set([
  'web.app', 'firebaseapp.com', 'netlify.app', 'netlify.com', 'vercel.app', 'now.sh', 'github.io', 'gitlab.io',
  'pages.dev', 'workers.dev', 'r2.dev', 'blogspot.com', 'weebly.com', 'weeblysite.com', 'wixsite.com',
  'wixstudio.com', '000webhostapp.com', 'glitch.me', 'herokuapp.com', 'onrender.com', 'repl.co', 'replit.app',
  'replit.dev', 'azurewebsites.net', 'appspot.com', 'surge.sh', 'webflow.io', 'square.site', 'ngrok.io',
  'ngrok-free.app', 'ngrok.app', 'translate.goog', 'myshopify.com', 'wordpress.com', 'framer.app', 'framer.website',
  'godaddysites.com', 'carrd.co', 'notion.site', 'tiiny.site', 'site123.me', 'webwave.dev', 'cprapid.com',
  'firebaseio.com', 'fly.dev', 'deno.dev', 'qualtrics.com', 'typedream.app', 'mystrikingly.com', 'strikingly.com',
  'jimdosite.com', 'yolasite.com', 'webnode.page', 'ipfs.io', 'dweb.link', 'cloudfront.net', 'amplifyapp.com',
  'web.core.windows.net', 'azureedge.net', 'b-cdn.net', 'github.dev', 'codesandbox.io', 'csb.app', 'bubbleapps.io',
  'softr.app', 'glide.page', 'adobeaemcloud.com', 'sharepoint.com', 'backendless.app', 'web3.storage', 'fleek.co',
  'on.fleek.co', 'vercel.com', 'hubspotpagebuilder.com', 'mybluehost.me', 'zapier.app', 'durable.co', 'start.page',
]);

/** Brand names that are also ordinary words: a plain substring match would flag honest sites. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'target', 'apple', 'chase', 'shell', 'prime', 'square', 'discover', 'citizens', 'ally', 'capital', 'orange', 'visa',
  'meta', 'steam', 'delta', 'united', 'shop', 'wish', 'gap', 'next', 'boots', 'sky', 'three', 'line', 'signal',
  'zoom', 'slack', 'box', 'chime', 'cash', 'current', 'kraken', 'gemini', 'outlook', 'office', 'live', 'best',
  'buy', 'home', 'depot', 'bank', 'america', 'wells', 'fargo', 'express', 'american', 'citi', 'temu', 'shein',
]);
