DROP TABLE "alert_events" CASCADE;--> statement-breakpoint
DROP TABLE "alert_rules" CASCADE;