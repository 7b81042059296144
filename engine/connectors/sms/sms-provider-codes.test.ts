import { describe, expect, it } from 'vitest';
import { speedsmsVerdict } from './speedsms-codes.ts';
import { twilioRefusal } from './twilio-codes.ts';

describe("SpeedSMS's answers (HTTP 200 either way)", () => {
  it.each([
    ['007', 'fail'], ['008', 'fail'], ['009', 'fail'], ['101', 'fail'], ['110', 'fail'], ['113', 'fail'],
    ['105', 'skip'], ['300', 'defer'], ['500', 'retry'], ['999', 'fail'],
  ] as const)('code %s → %s', (code, kind) => {
    expect(speedsmsVerdict({ status: 'error', code, message: 'm' }, '84912345678')).toMatchObject({ kind });
  });

  it('reads a success, and a success that names our number invalid', () => {
    expect(speedsmsVerdict({ status: 'success', code: '00', data: { tranId: 123456, totalSMS: 1, totalPrice: 250, invalidPhone: [] } }, '84912345678')).toEqual({ kind: 'sent', tranId: '123456', totalSms: 1, totalPrice: 250 });
    expect(speedsmsVerdict({ status: 'success', code: '00', data: { invalidPhone: ['84912345678'] } }, '84912345678')).toMatchObject({ kind: 'skip' });
    expect(speedsmsVerdict(null, '84912345678')).toEqual({ kind: 'fail', reason: 'SpeedSMS answered without a status' });
  });
});

describe("Twilio's refusals", () => {
  it.each([
    [20003, 401, 'fail'], [21606, 400, 'fail'], [21608, 400, 'fail'],
    [21211, 400, 'skip'], [21610, 400, 'skip'], [21612, 400, 'skip'], [21614, 400, 'skip'],
    [20429, 429, 'retry'], [21602, 400, 'fail'],
  ] as const)('code %s (HTTP %s) → %s', (code, status, kind) => {
    expect(twilioRefusal({ code, message: 'm', status }, status)).toMatchObject({ kind });
  });

  it('falls back to the HTTP status when the body is not Twilio JSON', () => {
    expect(twilioRefusal(null, 401)).toEqual({ kind: 'fail', reason: 'Twilio refused the credentials (HTTP 401)' });
  });
});
