import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_settings_litigation_links\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`url\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_litigation_links_order_idx\` ON \`site_settings_litigation_links\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_litigation_links_parent_id_idx\` ON \`site_settings_litigation_links\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`about_intro\` text,
  	\`about\` text,
  	\`guide_intro\` text,
  	\`guide\` text,
  	\`culture_intro\` text,
  	\`culture\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`emblem_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`gov_mark_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`gov_mark_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`postcode\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`email\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`contact_note\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`copyright\` text;`)
  await db.run(sql`CREATE INDEX \`site_settings_emblem_idx\` ON \`site_settings\` (\`emblem_id\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_gov_mark_gov_mark_image_idx\` ON \`site_settings\` (\`gov_mark_image_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`site_settings_litigation_links\`;`)
  await db.run(sql`DROP TABLE \`site_pages\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`court_name\` text DEFAULT '湖西县人民法院' NOT NULL,
  	\`site_title\` text DEFAULT '湖西县人民法院 · 六善法院' NOT NULL,
  	\`address\` text,
  	\`phone\` text,
  	\`icp\` text,
  	\`public_security_record\` text,
  	\`site_code\` text,
  	\`sponsor\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "court_name", "site_title", "address", "phone", "icp", "public_security_record", "site_code", "sponsor", "updated_at", "created_at") SELECT "id", "court_name", "site_title", "address", "phone", "icp", "public_security_record", "site_code", "sponsor", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
