/** The kinds of tablet a commune enrolls (DESIGN.md › Who uses it). */
export const DEVICE_KINDS = ['counter', 'kiosk', 'mobile'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
