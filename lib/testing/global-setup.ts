// Replaced by the integration-test harness (fresh database per test file).
export default async function setup() {}
