/** Long statistical tests run at full size only when DEALS_SLOW_TESTS=1 (fast by default; the stated standard errors follow the size). */
export const SLOW_TESTS = process.env.DEALS_SLOW_TESTS === '1';
