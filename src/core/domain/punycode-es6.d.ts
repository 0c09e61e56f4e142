// The punycode package ships no types; only the function the guard uses is declared.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
}
