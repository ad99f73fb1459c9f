export { startApp, ensureBuild, freePort, spawnNextStart, ARTIFACTS_DIR, type RunningApp, type StartAppOptions } from "./app";
export { launchBrowser, newPage, signIn, saveScreenshot, CHROMIUM_PATH } from "./browser";
