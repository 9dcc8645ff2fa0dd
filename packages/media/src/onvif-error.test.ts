import { describe, expect, it } from 'vitest';
import { onvifError } from './onvif.gateway.js';

describe('onvifError', () => {
  it('tells a refused password from a device that does not answer, whatever port it listens on', () => {
    const code = (reason: string) => onvifError('127.0.0.1:40123', new Error(reason)).code;
    expect(code('Wrong ONVIF SOAP response: 401 Unauthorized')).toBe('ONVIF_NOT_AUTHORISED');
    expect(code('Error: status code 401')).toBe('ONVIF_NOT_AUTHORISED');
    expect(code('Sender not authorized')).toBe('ONVIF_NOT_AUTHORISED');
    // A port, or an address, that holds "401" is no refusal (the test device's port once did, in CI).
    expect(code('connect ECONNREFUSED 127.0.0.1:40123')).toBe('ONVIF_DEVICE_UNREACHABLE');
    expect(code('connect ECONNREFUSED 127.0.0.1:34015')).toBe('ONVIF_DEVICE_UNREACHABLE');
    expect(code('connect EHOSTUNREACH 10.0.40.1:80')).toBe('ONVIF_DEVICE_UNREACHABLE');
  });
});
