import * as migration_20261124_185058_initial from './20261124_185058_initial';
import * as migration_20261124_194532_index_text_parents from './20261124_194532_index_text_parents';
import * as migration_20261124_203539_workflow from './20261124_203539_workflow';
import * as migration_20261124_204301_outside_media from './20261124_204301_outside_media';
import * as migration_20261201_102414_backup_jobs_stats from './20261201_102414_backup_jobs_stats';
import * as migration_20261201_101914_portal_identity_pages from './20261201_101914_portal_identity_pages';
import * as migration_20261201_102612_privacy_checks from './20261201_102612_privacy_checks';
import * as migration_20261201_110308_new_media_posts from './20261201_110308_new_media_posts';
import * as migration_20261201_110414_security_ids from './20261201_110414_security_ids';

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
    up: migration_20261201_102414_backup_jobs_stats.up,
    down: migration_20261201_102414_backup_jobs_stats.down,
    name: '20261201_102414_backup_jobs_stats',
  },
  {
    up: migration_20261201_101914_portal_identity_pages.up,
    down: migration_20261201_101914_portal_identity_pages.down,
    name: '20261201_101914_portal_identity_pages',
  },
  {
    up: migration_20261201_102612_privacy_checks.up,
    down: migration_20261201_102612_privacy_checks.down,
    name: '20261201_102612_privacy_checks',
  },
  {
    up: migration_20261201_110308_new_media_posts.up,
    down: migration_20261201_110308_new_media_posts.down,
    name: '20261201_110308_new_media_posts',
  },
  {
    up: migration_20261201_110414_security_ids.up,
    down: migration_20261201_110414_security_ids.down,
    name: '20261201_110414_security_ids'
  },
];
