/** Public surface of the OTP core: what the background, the vault and the popup call. */
export * from './account';
export * from './account-json';
export { type Base32Error, decodeBase32, encodeBase32, normaliseBase32 } from './base32';
export { type CodeError, encodeSteamToken, formatCode, generateCode, generateHotp, STEAM_ALPHABET, secondsRemaining } from './codes';
export { classifyDrafts, type DraftClassification, type DuplicateDraft, type DuplicateReason } from './duplicates';
export * from './import/index';
export { advanceHotpCounter, draftFromManualEntry, type ManualEntry } from './manual';
export {
  MAX_OTPAUTH_URI_LENGTH,
  type OtpauthError,
  type OtpauthErrorCode,
  type OtpauthListEntry,
  parseOtpauthList,
  parseOtpauthUri,
  toOtpauthUri,
} from './otpauth';
export {
  buildDraft,
  checkOtpParams,
  OTP_LIMITS,
  type OtpField,
  type OtpFieldError,
  type OtpFieldErrorCode,
  parseAlgorithmName,
} from './params';
