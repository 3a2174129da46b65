// The segment counter lives in the contract, so that the offer editor counts as the server does.
export { countSmsSegments, SMS_LIMITS, SMS_MAX_SEGMENTS, type SmsCount, type SmsEncoding } from '../../contract/count-sms-segments.ts'
