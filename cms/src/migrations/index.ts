import * as migration_20261124_185058_initial from './20261124_185058_initial';
import * as migration_20261124_194532_index_text_parents from './20261124_194532_index_text_parents';
import * as migration_20261124_203539_workflow from './20261124_203539_workflow';
import * as migration_20261124_204301_outside_media from './20261124_204301_outside_media';
import * as migration_20261201_114252_security_ids_identity_backup_privacy from './20261201_114252_security_ids_identity_backup_privacy';
import * as migration_20261201_131435_site_render_queue from './20261201_131435_site_render_queue';
import * as migration_20261201_131823_admin_import_notes from './20261201_131823_admin_import_notes';
import * as migration_20261201_132843_news_list_indexes from './20261201_132843_news_list_indexes';
import * as migration_20261201_164422_news_api_list_speed from './20261201_164422_news_api_list_speed';
import * as migration_20261202_010104_list_index_access_columns from './20261202_010104_list_index_access_columns';
import * as migration_20261202_010556_side_table_parent_order from './20261202_010556_side_table_parent_order';

export const migrations = [
  {
    up: migration_20261124_185058_initial.up,
    down: migration_20261124_185058_initial.down,
    name: '20261124_185058_initial',
  },
  {
    up: migration_20261124_194532_index_text_parents.up,
    down: migration_20261124_194532_index_text_parents.down,
    name: '20261124_194532_index_text_parents',
  },
  {
    up: migration_20261124_203539_workflow.up,
    down: migration_20261124_203539_workflow.down,
    name: '20261124_203539_workflow',
  },
  {
    up: migration_20261124_204301_outside_media.up,
    down: migration_20261124_204301_outside_media.down,
    name: '20261124_204301_outside_media',
  },
  {
    up: migration_20261201_114252_security_ids_identity_backup_privacy.up,
    down: migration_20261201_114252_security_ids_identity_backup_privacy.down,
    name: '20261201_114252_security_ids_identity_backup_privacy',
  },
  {
    up: migration_20261201_131435_site_render_queue.up,
    down: migration_20261201_131435_site_render_queue.down,
    name: '20261201_131435_site_render_queue',
  },
  {
    up: migration_20261201_131823_admin_import_notes.up,
    down: migration_20261201_131823_admin_import_notes.down,
    name: '20261201_131823_admin_import_notes',
  },
  {
    up: migration_20261201_132843_news_list_indexes.up,
    down: migration_20261201_132843_news_list_indexes.down,
    name: '20261201_132843_news_list_indexes',
  },
  {
    up: migration_20261201_164422_news_api_list_speed.up,
    down: migration_20261201_164422_news_api_list_speed.down,
    name: '20261201_164422_news_api_list_speed',
  },
  {
    up: migration_20261202_010104_list_index_access_columns.up,
    down: migration_20261202_010104_list_index_access_columns.down,
    name: '20261202_010104_list_index_access_columns',
  },
  {
    up: migration_20261202_010556_side_table_parent_order.up,
    down: migration_20261202_010556_side_table_parent_order.down,
    name: '20261202_010556_side_table_parent_order'
  },
];
