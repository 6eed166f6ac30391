export const TWO_FACTOR_SETUP_PATH = "/two-factor/setup";
