import "server-only";
import { parseConfig, type Config } from "./config-schema";

export { parseConfig, ConfigError, type Config } from "./config-schema";

let cached: Config | undefined;
/** The validated configuration, parsed once per process. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}
