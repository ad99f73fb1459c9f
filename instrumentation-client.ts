// Runs in the browser before any of the app's own code. Zod compiles object parsers with
// `new Function` when it may; the pages' Content-Security-Policy forbids eval (proxy.ts), and the
// probe for it would be reported as a violation on every page with a form, so parse without it.
import { z } from "zod";

z.config({ jitless: true });
