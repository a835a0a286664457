/** `code` is an i18n key (kebab-case): the UI says what is wrong in the user's language. */
export type ValidationResult = { ok: true; value: string } | { ok: false; code: string };

/**
 * Province codes that open a 12-digit citizen ID (Circular 07/2016/TT-BCA, kept by Circular
 * 59/2021/TT-BCA): the 63 provinces of the time. IDs issued before the 2025 province merger keep
 * their old code, so the list stays the 63 old provinces. Names are comments only: tablets need
 * the codes, and the names would weigh on the first screen.
 */
export const CITIZEN_ID_PROVINCES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '001', // Hà Nội
  '002', // Hà Giang
  '004', // Cao Bằng
  '006', // Bắc Kạn
  '008', // Tuyên Quang
  '010', // Lào Cai
  '011', // Điện Biên
  '012', // Lai Châu
  '014', // Sơn La
  '015', // Yên Bái
  '017', // Hòa Bình
  '019', // Thái Nguyên
  '020', // Lạng Sơn
  '022', // Quảng Ninh
  '024', // Bắc Giang
  '025', // Phú Thọ
  '026', // Vĩnh Phúc
  '027', // Bắc Ninh
  '030', // Hải Dương
  '031', // Hải Phòng
  '033', // Hưng Yên
  '034', // Thái Bình
  '035', // Hà Nam
  '036', // Nam Định
  '037', // Ninh Bình
  '038', // Thanh Hóa
  '040', // Nghệ An
  '042', // Hà Tĩnh
  '044', // Quảng Bình
  '045', // Quảng Trị
  '046', // Thừa Thiên Huế
  '048', // Đà Nẵng
  '049', // Quảng Nam
  '051', // Quảng Ngãi
  '052', // Bình Định
  '054', // Phú Yên
  '056', // Khánh Hòa
  '058', // Ninh Thuận
  '060', // Bình Thuận
  '062', // Kon Tum
  '064', // Gia Lai
  '066', // Đắk Lắk
  '067', // Đắk Nông
  '068', // Lâm Đồng
  '070', // Bình Phước
  '072', // Tây Ninh
  '074', // Bình Dương
  '075', // Đồng Nai
  '077', // Bà Rịa - Vũng Tàu
  '079', // Hồ Chí Minh
  '080', // Long An
  '082', // Tiền Giang
  '083', // Bến Tre
  '084', // Trà Vinh
  '086', // Vĩnh Long
  '087', // Đồng Tháp
  '089', // An Giang
  '091', // Kiên Giang
  '092', // Cần Thơ
  '093', // Hậu Giang
  '094', // Sóc Trăng
  '095', // Bạc Liêu
  '096', // Cà Mau
]);

export interface CitizenIdInfo {
  provinceCode: string;
  sex: 'male' | 'female';
  birthYear: number;
}

/**
 * What a well-formed CCCD says: 4th digit = century and sex (0/1: 1900s male/female, 2/3: 2000s,
 * 4/5: 2100s, ...), 5th-6th = the last two digits of the birth year.
 */
export function citizenIdInfo(id: string): CitizenIdInfo | null {
  if (!/^\d{12}$/.test(id)) return null;
  const c = Number(id[3]);
  return {
    provinceCode: id.slice(0, 3),
    sex: c % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(c / 2) * 100 + Number(id.slice(4, 6)),
  };
}

/**
 * CCCD: 12 digits = province (3) + century and sex (1) + birth year (2) + random (6). Spaces, dots
 * and dashes typed for readability are dropped. `now` only decides which birth years are in the future.
 */
export function validateCitizenId(raw: string, now: Date = new Date()): ValidationResult {
  const s = String(raw ?? '').replace(/[\s.-]/g, '');
  if (!/^\d*$/.test(s)) return { ok: false, code: 'id-not-digits' };
  if (s.length !== 12) return { ok: false, code: 'id-not-12-digits' };
  if (!CITIZEN_ID_PROVINCES.has(s.slice(0, 3))) return { ok: false, code: 'id-bad-province' };
  // Nobody holding a card was born in a later year (a typo in the century digit, usually).
  if (citizenIdInfo(s)!.birthYear > now.getUTCFullYear()) return { ok: false, code: 'id-bad-birth-year' };
  return { ok: true, value: s };
}

/** +84 912 345 678, 84912345678, 0084 912 345 678, +84 (0) 912… and 0912.345.678 all become 0912345678. */
export function normalizePhone(raw: string): string {
  let s = String(raw ?? '').replace(/[\s.()\-\u00a0]/g, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (s.startsWith('0084')) s = `0${s.slice(4)}`;
  else if (s.startsWith('84') && s.length === 11) s = `0${s.slice(2)}`;
  // "+84 0912…": the trunk 0 written after the country code.
  if (s.startsWith('00') && s.length === 11) s = s.slice(1);
  return s;
}

/**
 * The one phone rule (DESIGN.md 1.1), used by the op schemas and the forms: a mobile is 10 digits
 * from 03, 05, 07, 08 or 09; a landline is 10–11 digits from 02, area code first ("024 3826 1234"
 * is the only number many elderly households have). Checked after normalizePhone.
 */
export const PHONE_NUMBER = /^(?:0[35789]\d{8}|02\d{8,9})$/;

/** Vietnamese mobile and landline numbers; `value` is the normalised form that goes into ops. */
export function validatePhone(raw: string): ValidationResult {
  const s = normalizePhone(raw);
  if (!/^\d*$/.test(s)) return { ok: false, code: 'phone-not-digits' };
  if (s.startsWith('02')) {
    if (s.length !== 10 && s.length !== 11) return { ok: false, code: 'phone-landline-length' };
  } else if (s.length !== 10) return { ok: false, code: 'phone-not-10-digits' };
  if (!PHONE_NUMBER.test(s)) return { ok: false, code: 'phone-bad-prefix' };
  return { ok: true, value: s };
}
