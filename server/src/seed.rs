//! The demo `make serve-remote` starts with: one channel manager, two partners with the
//! sample money data, and a visitor who has not applied yet. Idempotent: a second run
//! changes nothing.

use chrono::Utc;
use partner_domain::YearMonth;
use partner_domain::partner::profile::PartnerProfile;
use partner_domain::records::statements::{INDEX, generation_records};
use partner_domain::sample::{SampleGenerator, sample_profile, second_sample_profile};
use serde::Serialize;
use sqlx::PgPool;

use crate::auth::hash_password;
use partner_domain::records::ids::PROFILE;

/// A demo sign-in, printed by the demo server.
pub struct DemoAccount {
    /// The address to sign in with.
    pub email: &'static str,
    /// Its role key.
    pub role: &'static str,
    /// What it is for.
    pub what: &'static str,
}

/// The demo's password for every account (a demo only: printed on start).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// The demo accounts.
pub const DEMO: [DemoAccount; 5] = [
    DemoAccount {
        email: "manager@example.com",
        role: "manager",
        what: "channel manager of both partners",
    },
    DemoAccount {
        email: "main@example.com",
        role: "main",
        what: "main account of 杭州示例云科技有限公司",
    },
    DemoAccount {
        email: "staff@example.com",
        role: "sub",
        what: "employee of 杭州示例云科技有限公司",
    },
    DemoAccount {
        email: "main2@example.com",
        role: "main",
        what: "main account of 深圳示例科技有限公司",
    },
    DemoAccount {
        email: "visitor@example.com",
        role: "visitor",
        what: "a visitor who may apply",
    },
];

/// Creates an account unless its address exists.
pub async fn account(
    pool: &PgPool,
    id: &str,
    email: &str,
    password: &str,
    role: &str,
    partner: Option<&str>,
) -> Result<(), sqlx::Error> {
    let password = password.to_string();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .expect("hashing does not panic");
    sqlx::query(
        "INSERT INTO accounts (id, email, password_hash, role, partner_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(email)
    .bind(hash)
    .bind(role)
    .bind(partner)
    .execute(pool)
    .await?;
    Ok(())
}

/// Makes a partner with its profile, assigned to `manager`.
pub async fn partner(
    pool: &PgPool,
    profile: &PartnerProfile,
    manager: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO partners (id, company_name, manager_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(&profile.account_id)
    .bind(&profile.company_name)
    .bind(manager)
    .execute(pool)
    .await?;
    put_new(pool, &profile.account_id, "profiles", PROFILE, profile).await
}

/// Stores a record at revision 1 unless it exists (a server command: written by the
/// provider's side, not a client).
pub async fn put_new<T: Serialize>(
    pool: &PgPool,
    scope: &str,
    collection: &str,
    id: &str,
    value: &T,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
         VALUES ($1, $2, $3, 1, $4, $5, 'seed') ON CONFLICT DO NOTHING",
    )
    .bind(scope)
    .bind(collection)
    .bind(id)
    .bind(serde_json::to_value(value).expect("records serialise"))
    .bind(Utc::now())
    .execute(pool)
    .await?;
    Ok(())
}

/// The sample money data (a year of statements, customers, sheets, special rebates) for
/// a partner, as the app's sample generator makes it for `rows` statement rows.
pub async fn money(
    pool: &PgPool,
    partner: &str,
    rows: usize,
    last: Option<YearMonth>,
    seed: u64,
) -> Result<(), sqlx::Error> {
    let last = last.unwrap_or_else(|| YearMonth::of(Utc::now().date_naive()).prev());
    let data = SampleGenerator::new(rows, last, seed).finish();
    let (chunks, index) = generation_records(&data.statements, 1);
    for (id, chunk) in &chunks {
        put_new(pool, partner, "statements", id, chunk).await?;
    }
    put_new(pool, partner, "statements", INDEX, &index).await?;
    for c in &data.customers {
        put_new(pool, partner, "customers", &c.uin, c).await?;
    }
    for s in &data.settlements {
        put_new(pool, partner, "settlements", &s.id, s).await?;
    }
    for r in &data.special_rebates {
        put_new(pool, partner, "special-rebates", &r.id, r).await?;
    }
    Ok(())
}

/// The whole demo.
pub async fn demo(pool: &PgPool) -> Result<(), sqlx::Error> {
    let p = DEMO_PASSWORD;
    account(pool, "manager-1", DEMO[0].email, p, "manager", None).await?;
    let first = sample_profile();
    let second = second_sample_profile();
    partner(pool, &first, "manager-1").await?;
    partner(pool, &second, "manager-1").await?;
    account(
        pool,
        &first.account_id,
        DEMO[1].email,
        p,
        "main",
        Some(&first.account_id),
    )
    .await?;
    account(
        pool,
        "100099990011",
        DEMO[2].email,
        p,
        "sub",
        Some(&first.account_id),
    )
    .await?;
    account(
        pool,
        &second.account_id,
        DEMO[3].email,
        p,
        "main",
        Some(&second.account_id),
    )
    .await?;
    account(pool, "100012345678", DEMO[4].email, p, "visitor", None).await?;
    money(pool, &first.account_id, 2_000, None, 1).await?;
    money(pool, &second.account_id, 1_000, None, 2).await?;
    Ok(())
}
