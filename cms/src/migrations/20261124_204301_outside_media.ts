import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`submissions_authors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'writer',
  	\`user_id\` integer,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`submissions_authors_order_idx\` ON \`submissions_authors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`submissions_authors_parent_id_idx\` ON \`submissions_authors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_authors_user_idx\` ON \`submissions_authors\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`submissions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`outlet_id\` integer NOT NULL,
  	\`kind\` text DEFAULT 'information' NOT NULL,
  	\`submitted_at\` text,
  	\`signed_off_by_id\` integer,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`published_on\` text,
  	\`issue\` text,
  	\`page\` text,
  	\`url\` text,
  	\`proof_id\` integer,
  	\`leader_instruction\` integer DEFAULT false,
  	\`leader_note\` text,
  	\`points\` numeric,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`outlet_id\`) REFERENCES \`outlets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`proof_id\`) REFERENCES \`proofs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`submissions_outlet_idx\` ON \`submissions\` (\`outlet_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_submitted_at_idx\` ON \`submissions\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_signed_off_by_idx\` ON \`submissions\` (\`signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_status_idx\` ON \`submissions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`submissions_published_on_idx\` ON \`submissions\` (\`published_on\`);`)
  await db.run(sql`CREATE INDEX \`submissions_proof_idx\` ON \`submissions\` (\`proof_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_created_by_idx\` ON \`submissions\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_updated_at_idx\` ON \`submissions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_created_at_idx\` ON \`submissions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`submissions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`stories_id\` integer,
  	\`events_id\` integer,
  	\`families_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`families_id\`) REFERENCES \`families\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`submissions_rels_order_idx\` ON \`submissions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`submissions_rels_parent_idx\` ON \`submissions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_rels_path_idx\` ON \`submissions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`submissions_rels_news_id_idx\` ON \`submissions_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_rels_stories_id_idx\` ON \`submissions_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_rels_events_id_idx\` ON \`submissions_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_rels_families_id_idx\` ON \`submissions_rels\` (\`families_id\`);`)
  await db.run(sql`CREATE TABLE \`outlets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`level\` text NOT NULL,
  	\`kind\` text DEFAULT 'media' NOT NULL,
  	\`website\` text,
  	\`contact\` text,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`outlets_name_idx\` ON \`outlets\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`outlets_updated_at_idx\` ON \`outlets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outlets_created_at_idx\` ON \`outlets\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`scoring_rules_rules\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`level\` text NOT NULL,
  	\`outcome\` text NOT NULL,
  	\`points\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scoring_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scoring_rules_rules_order_idx\` ON \`scoring_rules_rules\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scoring_rules_rules_parent_id_idx\` ON \`scoring_rules_rules\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scoring_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`instruction_bonus\` numeric DEFAULT 0,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scoring_rules_year_idx\` ON \`scoring_rules\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`scoring_rules_updated_at_idx\` ON \`scoring_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scoring_rules_created_at_idx\` ON \`scoring_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`proofs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`description\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`proofs_created_by_idx\` ON \`proofs\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`proofs_updated_at_idx\` ON \`proofs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`proofs_created_at_idx\` ON \`proofs\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`proofs_filename_idx\` ON \`proofs\` (\`filename\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`submissions_id\` integer REFERENCES submissions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`outlets_id\` integer REFERENCES outlets(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`scoring_rules_id\` integer REFERENCES scoring_rules(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`proofs_id\` integer REFERENCES proofs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`submissions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outlets_id_idx\` ON \`payload_locked_documents_rels\` (\`outlets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scoring_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`scoring_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_proofs_id_idx\` ON \`payload_locked_documents_rels\` (\`proofs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`submissions_authors\`;`)
  await db.run(sql`DROP TABLE \`submissions\`;`)
  await db.run(sql`DROP TABLE \`submissions_rels\`;`)
  await db.run(sql`DROP TABLE \`outlets\`;`)
  await db.run(sql`DROP TABLE \`scoring_rules_rules\`;`)
  await db.run(sql`DROP TABLE \`scoring_rules\`;`)
  await db.run(sql`DROP TABLE \`proofs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`stories_id\` integer,
  	\`events_id\` integer,
  	\`families_id\` integer,
  	\`media_id\` integer,
  	\`columns_id\` integer,
  	\`workstations_id\` integer,
  	\`signoffs_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`families_id\`) REFERENCES \`families\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workstations_id\`) REFERENCES \`workstations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signoffs_id\`) REFERENCES \`signoffs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "stories_id", "events_id", "families_id", "media_id", "columns_id", "workstations_id", "signoffs_id", "users_id") SELECT "id", "order", "parent_id", "path", "news_id", "stories_id", "events_id", "families_id", "media_id", "columns_id", "workstations_id", "signoffs_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_families_id_idx\` ON \`payload_locked_documents_rels\` (\`families_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workstations_id_idx\` ON \`payload_locked_documents_rels\` (\`workstations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signoffs_id_idx\` ON \`payload_locked_documents_rels\` (\`signoffs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}
