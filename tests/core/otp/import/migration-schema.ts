import protobuf from 'protobufjs';

/**
 * An encoder independent of src's decoder: protobufjs reflection over the Google Authenticator
 * export schema as documented (MigrationPayload / OtpParameters). Shared by the parser tests and the fuzzer.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        batchId: { type: 'int32', id: 5 },
      },
    },
    OtpParameters: {
      fields: {
        secret: { type: 'bytes', id: 1 },
        name: { type: 'string', id: 2 },
        issuer: { type: 'string', id: 3 },
        algorithm: { type: 'int32', id: 4 },
        digits: { type: 'int32', id: 5 },
        type: { type: 'int32', id: 6 },
        counter: { type: 'int64', id: 7 },
      },
    },
  },
});

export const MigrationPayloadType = root.lookupType('MigrationPayload');
