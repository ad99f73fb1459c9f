import Link from "next/link";
import { notFound } from "next/navigation";
import { idParamsSchema } from "@/lib/validation/zod";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getClaimDetail } from "@/lib/claims/queries";
import { editorChoices } from "@/lib/pickers/queries";
import { ClaimWorkspace } from "../../_components/claim-workspace";
import { listAssignableEditors } from "@/lib/assignments/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idParamsSchema.safeParse(await params);
  return { title: parsed.success ? `Claim #${parsed.data.id}` : "Claim" };
}

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole("viewer");
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const editor = canEdit(user);
  const [detail, actors, topics, editors] = await Promise.all([
    getClaimDetail(parsed.data.id),
    editor ? editorChoices("actors") : [],
    editor ? editorChoices("topics") : [],
    editor ? listAssignableEditors() : null,
  ]);
  if (!detail) notFound();
  return (
    <section className="narrow">
      <p className="breadcrumbs">
        <Link href="/claims">Claims</Link>
      </p>
      <ClaimWorkspace detail={detail} canEdit={editor} actors={actors} topics={topics} variant="page" editors={editors} />
    </section>
  );
}
