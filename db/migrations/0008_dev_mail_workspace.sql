-- dev_mail rows now belong to a workspace; nothing wrote the table before, so no row needs a workspace.
DELETE FROM "dev_mail";--> statement-breakpoint
ALTER TABLE "dev_mail" DROP CONSTRAINT "dev_mail_pkey";--> statement-breakpoint
ALTER TABLE "dev_mail" ADD COLUMN "workspace_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mail" ALTER COLUMN "html" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mail" ADD CONSTRAINT "dev_mail_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "dev_mail" ADD CONSTRAINT "dev_mail_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_mail_time_idx" ON "dev_mail" USING btree ("workspace_id","created_at");
