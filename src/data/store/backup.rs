//! Local mode's backups: everything as one [`Backup`], and back. Not part of the
//! [`Backend`](crate::data::Backend) trait (the settings page reaches them through
//! [`StoreBackend::of`]), so their code loads with the settings area, not at start.

use serde_json::Value;

use super::StoreBackend;
use super::keys::{SESSION, SETTINGS, parse_record_key, record_key};
use crate::data::Backend;
use crate::data::backup::{BACKUP_FORMAT, Backup, BackupBlob, BackupRecord};
use crate::data::envelope::{self, SCHEMA_VERSION};
use crate::data::error::DataError;
use crate::data::model::Tier;

impl StoreBackend {
    /// Everything, for a backup file.
    pub async fn export_all(&self) -> Result<Backup, DataError> {
        let mut records = Vec::new();
        for key in self.kv.keys("pc/r/")? {
            if let (Some((collection, id)), Some(env)) =
                (parse_record_key(&key), self.read(Tier::Small, &key).await?)
            {
                records.push(BackupRecord {
                    collection,
                    id,
                    rev: env.rev,
                    data: env.data,
                });
            }
        }
        for (key, raw) in self.bulk.entries("r/").await? {
            if let (Some((collection, id)), Ok(d)) =
                (parse_record_key(&key), envelope::decode(&raw))
            {
                records.push(BackupRecord {
                    collection,
                    id,
                    rev: d.envelope.rev,
                    data: d.envelope.data,
                });
            }
        }
        let mut blobs = Vec::new();
        for id in self.bulk.blob_ids().await? {
            if let Some(blob) = self.bulk.get_blob(&id).await? {
                blobs.push(BackupBlob::from_blob(&blob));
            }
        }
        Ok(Backup {
            format: BACKUP_FORMAT.to_string(),
            schema: SCHEMA_VERSION,
            exported_at: chrono::Utc::now().to_rfc3339(),
            session: self.session().await?,
            settings: self.settings().await?,
            records,
            blobs,
        })
    }

    /// Replaces everything with a backup's content ([`Backup::parse`] has checked it).
    /// A failure half-way (a full quota) puts the previous content back.
    pub async fn import_all(&self, backup: &Backup) -> Result<(), DataError> {
        let before = self.export_all().await?;
        self.clear_records().await?;
        if let Err(e) = self.write_backup(backup).await {
            let _ = self.clear_records().await;
            let _ = self.write_backup(&before).await;
            return Err(e);
        }
        Ok(())
    }

    /// Writes a backup's content over an emptied store.
    async fn write_backup(&self, backup: &Backup) -> Result<(), DataError> {
        self.kv.set(
            SESSION,
            &envelope::encode(
                1,
                &serde_json::to_value(&backup.session).unwrap_or(Value::Null),
            ),
        )?;
        self.kv.set(
            SETTINGS,
            &envelope::encode(
                1,
                &serde_json::to_value(&backup.settings).unwrap_or(Value::Null),
            ),
        )?;
        let mut large = Vec::new();
        for r in &backup.records {
            let (tier, key) = record_key(r.collection, &r.id);
            let text = envelope::encode(r.rev, &r.data);
            match tier {
                Tier::Small => self.kv.set(&key, &text)?,
                Tier::Large => large.push((key, text)),
            }
        }
        self.bulk.set_many(&large).await?;
        for b in &backup.blobs {
            self.bulk.put_blob(&b.to_blob()?).await?;
        }
        Ok(())
    }
}
