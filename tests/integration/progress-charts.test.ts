// Progress over time (issue 18, item 8): decisions per day per editor come from the audit trail (a
// change to approved or rejected, not an edit that leaves the status alone), candidates open at each
// day's end from when pairs were created and decided, the time left from the last week's pace; the
// dashboard's section draws both charts as SVG with captions and tables of the same figures.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { createUser, type TestUser } from "@/tests/helpers/users";
import { decisionsPerDay, openCandidatesPerDay, queueTimeLeft } from "@/lib/progress/queries";
import { lastDays } from "@/lib/progress/pace";
import { reviewClaim } from "@/lib/claims/mutations";
import { ProgressCharts } from "@/app/(admin)/_components/progress-charts";

const DAY = 86_400_000;

describe("progress over time", () => {
  let database: TestDatabase;
  let ann: TestUser;
  let ben: TestUser;
  let claimIds: number[];
  /** The events are dated back from here; the reads take the time they run at, after today's reviews. */
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const prisma = () => database.prisma;

  async function backdatedEvent(userId: number, entityType: string, entityId: number, before: object, after: object, at: Date) {
    await prisma().auditEvent.create({ data: { userId, entityType, entityId: String(entityId), action: "review", before, after, createdAt: at } });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    ann = await createUser(prisma(), "editor", { email: "ann@example.test" });
    ben = await createUser(prisma(), "editor", { email: "ben@example.test" });
    await prisma().user.update({ where: { id: ann.id }, data: { name: "Ann" } });
    await prisma().user.update({ where: { id: ben.id }, data: { name: "Ben" } });
    const text = "a".repeat(40);
    const source = await prisma().source.create({ data: { slug: "wire", title: "The wire", text, textSha256: "0".repeat(64) } });
    claimIds = [];
    for (let index = 0; index < 30; index++) {
      claimIds.push((await prisma().claim.create({ data: { sourceId: source.id, quote: "a", startOffset: index, endOffset: index + 1 } })).id);
    }
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test("decisions per day per editor, and the time left at the last week's pace", async () => {
    // Nothing decided yet: no pace to go by.
    expect(await queueTimeLeft(prisma(), now)).toMatchObject({ unreviewed: 30, decisions: 0, daysLeft: null });
    // Today, through the app: Ann approves two claims, rejects one, and changes only the stance of a fourth.
    for (const [index, status] of (["approved", "approved", "rejected"] as const).entries()) {
      await reviewClaim(prisma(), { id: claimIds[index]!, version: 1, status }, ann);
    }
    await reviewClaim(prisma(), { id: claimIds[3]!, version: 1, stance: "supports" }, ann);
    // Earlier days, as the audit trail holds them: Ben twice 3 days ago, Ann once 10 and once 40 days ago
    // (outside the window), and an approval that only re-saved an approved claim (no decision).
    await backdatedEvent(ben.id, "claim", claimIds[4]!, { status: "unreviewed" }, { status: "approved" }, daysAgo(3));
    await backdatedEvent(ben.id, "claim", claimIds[5]!, { status: "in_review" }, { status: "rejected" }, daysAgo(3));
    await backdatedEvent(ann.id, "claim", claimIds[6]!, { status: "unreviewed" }, { status: "approved" }, daysAgo(10));
    await backdatedEvent(ann.id, "claim", claimIds[7]!, { status: "unreviewed" }, { status: "approved" }, daysAgo(40));
    await backdatedEvent(ann.id, "claim", claimIds[8]!, { status: "approved", stance: "unclear" }, { status: "approved", stance: "supports" }, daysAgo(2));

    const days = lastDays(now, 30);
    const dayOf = (date: Date) => date.toISOString().slice(0, 10);
    expect(await decisionsPerDay(prisma(), new Date())).toEqual([
      { day: dayOf(daysAgo(10)), editor: "Ann", decisions: 1 },
      { day: dayOf(daysAgo(3)), editor: "Ben", decisions: 2 },
      { day: days.at(-1), editor: "Ann", decisions: 3 },
    ]);
    // 5 decisions in 7 days; 27 claims left unreviewed (the backdated events changed no claim): 27 / (5 / 7) = 37.8 days.
    const estimate = await queueTimeLeft(prisma(), new Date());
    expect(estimate).toMatchObject({ unreviewed: 27, decisions: 5 });
    expect(estimate.daysLeft).toBeCloseTo(37.8);
  });

  test("candidates open at the end of each day, from when each pair was created and decided", async () => {
    const pair = async (a: number, b: number, createdAt: Date, status: "candidate" | "confirmed" | "dismissed", updatedAt = createdAt) => {
      const row = await prisma().contradiction.create({ data: { claimAId: claimIds[a]!, claimBId: claimIds[b]!, detectedBy: "rule", status, createdAt } });
      await prisma().$executeRaw`UPDATE contradictions SET updated_at = ${updatedAt} WHERE id = ${row.id}::int`;
      return row.id;
    };
    const dismissed = await pair(10, 11, daysAgo(12), "dismissed", daysAgo(1));
    // Decided 5 days ago by its audit event (its row changed since, yesterday).
    await backdatedEvent(ann.id, "contradiction", dismissed, { status: "candidate" }, { status: "dismissed" }, daysAgo(5));
    await pair(12, 13, daysAgo(3), "candidate");
    // No audit event: its last change is when it was decided.
    await pair(14, 15, daysAgo(20), "confirmed", daysAgo(15));
    // A pair with a withdrawn claim is in no count.
    await pair(16, 17, daysAgo(25), "candidate");
    await prisma().claim.update({ where: { id: claimIds[17]! }, data: { withdrawnAt: now } });

    const series = await openCandidatesPerDay(prisma(), new Date());
    expect(series).toHaveLength(30);
    const openOn = (age: number) => series[29 - age]!.open;
    expect(openOn(29)).toBe(0);
    expect(openOn(18)).toBe(1); // the confirmed one, created 20 days ago
    expect(openOn(10)).toBe(1); // the dismissed one; the confirmed one was decided 15 days ago
    expect(openOn(4)).toBe(0); // dismissed 5 days ago
    expect(openOn(0)).toBe(1); // the candidate since 3 days ago
  });

  test("the dashboard's section draws both charts as SVG, captioned, with the figures in tables", async () => {
    const html = renderToStaticMarkup(await ProgressCharts({}));
    expect(html.match(/<svg[^>]*aria-label="Claims decided per day per editor over the last 30 days: 6 decisions in all\."/)).not.toBeNull();
    expect(html.match(/<svg[^>]*aria-label="Contradiction candidates open at the end of each day over the last 30 days: 0 then, 1 now\."/)).not.toBeNull();
    // One image each to assistive technology: no labelled groups without a role (axe's aria-prohibited-attr).
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<g[^>]*aria-label/);
    // No inline <style>: the page's content security policy admits only styles with its nonce.
    expect(html).not.toContain("<style");
    expect(html).toContain("<figcaption>Claims decided per day per editor over the last 30 days: 6 decisions in all.</figcaption>");
    // Each editor's bars, and a legend naming them.
    expect(html.match(/<rect/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/Ann[\s\S]*Ben/);
    expect(html).toContain("<td>Ben</td><td>2</td>");
    // One claim was withdrawn since the first test: 26 / (5 / 7) = 36.4 days.
    expect(html).toMatch(/26 unreviewed claims; at the last 7 days(&#x27;|')? pace of 0\.7 decisions a day, <strong>about 36 days<\/strong> left\./);
  });
});
