import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { SkipLink } from "./(admin)/_components/site-header";

export const metadata: Metadata = {
  title: { default: "Claimbase", template: "%s · Claimbase" },
  description: "Source-attributed claims database",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page, the not-found page included, is rendered per request: Next can then put this
  // response's Content-Security-Policy nonce (proxy.ts) on its scripts; a prerendered page's could not run.
  await connection();
  return (
    <html lang="en">
      <body>
        <SkipLink />
        {children}
      </body>
    </html>
  );
}
