//! Park totals kept on write: how many parks, their summed and known area
//! and their tenancies, per city (`park_city_totals`), per province
//! (`park_province_totals`, which also follow a city moved to another
//! province), per operator (`park_operator_totals`, 0 for parks with none)
//! and per status and kind (`park_status_totals`), kept by triggers on
//! `park` (and `city`).
//!
//! `parkStats` without a filter (benchmark Q6) summed every park on each
//! request: 12.7 ms on SQLite at synthetic scale 10 (20,000 parks), 15.5
//! times its cost at scale 1. It now sums these rows instead, one per city,
//! operator or status and kind, whatever the number of parks. Triggers, not
//! application code, keep them, for the reasons `park.tenant_count` is kept
//! so (m20261128_000006): every write path stays right without knowing. A
//! tenancy's write reaches them through that count's trigger, which updates
//! the park. Rows whose parks all left stay, with `parks = 0`; readers skip
//! them. A later migration that rebuilds `park` (SQLite's way to alter a
//! column) must create these triggers again.

use sea_orm_migration::prelude::*;

use crate::helpers::run_per_backend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A totals table: its name and its key, as columns and as expressions over
/// a park row `{r}`.
struct Totals {
    table: &'static str,
    keys: &'static [(&'static str, &'static str)],
}

const CITIES: Totals = Totals {
    table: "park_city_totals",
    keys: &[("city_id", "{r}.city_id")],
};

const PROVINCES: Totals = Totals {
    table: "park_province_totals",
    keys: &[(
        "province",
        "(SELECT city.province FROM city WHERE city.id = {r}.city_id)",
    )],
};

const OPERATORS: Totals = Totals {
    table: "park_operator_totals",
    keys: &[("operator_id", "COALESCE({r}.operator_id, 0)")],
};

const STATUSES: Totals = Totals {
    table: "park_status_totals",
    keys: &[("status", "{r}.status"), ("kind", "{r}.kind")],
};

const TOTALS: [Totals; 4] = [CITIES, PROVINCES, OPERATORS, STATUSES];

/// The park columns a total depends on; a change to any other leaves every
/// total as it was.
const COUNTED: [&str; 6] = [
    "city_id",
    "operator_id",
    "status",
    "kind",
    "area_sqft",
    "tenant_count",
];

impl Totals {
    fn columns(&self) -> String {
        let keys: Vec<&str> = self.keys.iter().map(|(c, _)| *c).collect();
        keys.join(", ")
    }

    fn key_of(&self, row: &str) -> String {
        let keys: Vec<String> = (self.keys.iter())
            .map(|(_, e)| e.replace("{r}", row))
            .collect();
        keys.join(", ")
    }

    fn create(&self) -> String {
        let keys: Vec<String> = (self.keys.iter())
            .map(|(c, _)| match *c {
                "status" | "kind" | "province" => format!("{c} TEXT NOT NULL"),
                _ => format!("{c} INTEGER NOT NULL"),
            })
            .collect();
        format!(
            "CREATE TABLE {t} ({keys}, parks BIGINT NOT NULL, area_sum BIGINT NOT NULL, \
             area_known BIGINT NOT NULL, tenants BIGINT NOT NULL, PRIMARY KEY ({columns}))",
            t = self.table,
            keys = keys.join(", "),
            columns = self.columns(),
        )
    }

    /// Adds `source`'s figures (columns `n` times a park's: 1 added, -1
    /// taken away) to the rows of their keys, creating rows not there yet.
    fn add(&self, source: &str) -> String {
        format!(
            "INSERT INTO {t} ({columns}, parks, area_sum, area_known, tenants) {source} \
             ON CONFLICT ({columns}) DO UPDATE SET parks = {t}.parks + excluded.parks, \
             area_sum = {t}.area_sum + excluded.area_sum, \
             area_known = {t}.area_known + excluded.area_known, \
             tenants = {t}.tenants + excluded.tenants",
            t = self.table,
            columns = self.columns(),
        )
    }

    /// SQLite: one park row's figures, `sign` 1 or -1 (`WHERE true` keeps
    /// the parser from reading `ON CONFLICT` as a join constraint).
    fn add_row(&self, row: &str, sign: i32) -> String {
        self.add(&format!(
            "SELECT {key}, {sign}, {sign} * COALESCE({row}.area_sqft, 0), \
             {sign} * ({row}.area_sqft IS NOT NULL), {sign} * {row}.tenant_count WHERE true",
            key = self.key_of(row),
        ))
    }

    /// SQLite: a tenant count moved by `NEW.tenant_count - OLD.tenant_count`
    /// in a park whose keys and area stayed.
    fn move_tenants(&self) -> String {
        let keys: Vec<String> = (self.keys.iter())
            .map(|(c, e)| format!("{c} = {}", e.replace("{r}", "NEW")))
            .collect();
        format!(
            "UPDATE {t} SET tenants = tenants + NEW.tenant_count - OLD.tenant_count WHERE {keys}",
            t = self.table,
            keys = keys.join(" AND "),
        )
    }

    /// `rows`' keys as columns of their own, beside `n` and the figures.
    fn keyed(&self, rows: &str) -> String {
        let keys: Vec<String> = (self.keys.iter())
            .map(|(c, e)| format!("{} AS {c}", e.replace("{r}", "r")))
            .collect();
        format!(
            "SELECT {}, r.n, r.area_sqft, r.tenant_count FROM ({rows}) r",
            keys.join(", ")
        )
    }

    /// PostgreSQL: the figures of `rows` (a transition table's, with `n`),
    /// summed per key; keys whose figures net to zero are left alone.
    fn add_rows(&self, rows: &str) -> String {
        let sums = [
            "SUM(d.n)",
            "SUM(d.n * COALESCE(d.area_sqft, 0))",
            "SUM(d.n * CASE WHEN d.area_sqft IS NULL THEN 0 ELSE 1 END)",
            "SUM(d.n * d.tenant_count)",
        ];
        let changed: Vec<String> = sums.iter().map(|s| format!("{s} <> 0")).collect();
        self.add(&format!(
            "SELECT {columns}, {sums} FROM ({keyed}) d GROUP BY {columns} HAVING {changed}",
            columns = self.columns(),
            keyed = self.keyed(rows),
            sums = sums.join(", "),
            changed = changed.join(" OR "),
        ))
    }

    /// The figures of every park, into the empty table.
    fn backfill(&self) -> String {
        let parks = format!("SELECT 1 AS n, {} FROM park", COUNTED.join(", "));
        format!(
            "INSERT INTO {t} ({columns}, parks, area_sum, area_known, tenants) \
             SELECT {columns}, COUNT(*), COALESCE(SUM(d.area_sqft), 0), COUNT(d.area_sqft), \
             SUM(d.tenant_count) FROM ({keyed}) d GROUP BY {columns}",
            t = self.table,
            columns = self.columns(),
            keyed = self.keyed(&parks),
        )
    }
}

/// The province totals follow their cities: a city moved to another
/// province takes its parks' figures (its `park_city_totals` row) along.
/// `moved` selects `(province, sign, city id)` per moved city and side.
fn move_cities(moved: &str) -> String {
    PROVINCES.add(&format!(
        "SELECT m.province, SUM(m.sign * t.parks), SUM(m.sign * t.area_sum), \
         SUM(m.sign * t.area_known), SUM(m.sign * t.tenants) \
         FROM ({moved}) m JOIN park_city_totals t ON t.city_id = m.id \
         WHERE true GROUP BY m.province"
    ))
}

fn same(column: &str) -> String {
    format!("OLD.{column} IS NEW.{column}")
}

/// SQLite has row triggers only: a park added or removed adds or takes away
/// its figures; a tenant count that moved alone (each tenancy written, through
/// its count's trigger) moves one column of three rows; any other change of
/// what is counted takes the old figures away and adds the new.
fn sqlite_up() -> Vec<String> {
    let all = |f: &dyn Fn(&Totals) -> String| TOTALS.iter().map(f).collect::<Vec<_>>().join("; ");
    let keys_stay: Vec<String> = COUNTED[..5].iter().map(|c| same(c)).collect();
    let any_moves: Vec<String> = COUNTED.iter().map(|c| format!("NOT {}", same(c))).collect();
    vec![
        format!(
            "CREATE TRIGGER park_totals_insert AFTER INSERT ON park BEGIN {}; END",
            all(&|t| t.add_row("NEW", 1))
        ),
        format!(
            "CREATE TRIGGER park_totals_delete AFTER DELETE ON park BEGIN {}; END",
            all(&|t| t.add_row("OLD", -1))
        ),
        format!(
            "CREATE TRIGGER park_totals_tenants AFTER UPDATE OF tenant_count ON park \
             WHEN {} AND NOT {} BEGIN {}; END",
            keys_stay.join(" AND "),
            same("tenant_count"),
            all(&Totals::move_tenants)
        ),
        format!(
            "CREATE TRIGGER park_totals_update AFTER UPDATE OF {} ON park \
             WHEN ({}) AND NOT ({}) BEGIN {}; {}; END",
            COUNTED.join(", "),
            any_moves.join(" OR "),
            keys_stay.join(" AND "),
            all(&|t| t.add_row("OLD", -1)),
            all(&|t| t.add_row("NEW", 1))
        ),
        format!(
            "CREATE TRIGGER park_totals_city AFTER UPDATE OF province ON city \
             WHEN OLD.province IS NOT NEW.province BEGIN {}; END",
            move_cities(
                "SELECT NEW.province AS province, 1 AS sign, NEW.id AS id \
                 UNION ALL SELECT OLD.province, -1, OLD.id"
            )
        ),
    ]
}

const SQLITE_DOWN: [&str; 5] = [
    "DROP TRIGGER IF EXISTS park_totals_city",
    "DROP TRIGGER IF EXISTS park_totals_insert",
    "DROP TRIGGER IF EXISTS park_totals_delete",
    "DROP TRIGGER IF EXISTS park_totals_tenants",
    "DROP TRIGGER IF EXISTS park_totals_update",
];

/// PostgreSQL: statement triggers with transition tables (see
/// m20261128_000006 for why not row triggers), one upsert per table and
/// statement. An update takes the old rows away and adds the new.
fn postgres_up() -> Vec<String> {
    let columns = COUNTED.join(", ");
    let from = |n: i32, table: &str| format!("SELECT {n} AS n, {columns} FROM {table}");
    let each = |rows: &str| {
        let statements: Vec<String> = TOTALS.iter().map(|t| t.add_rows(rows)).collect();
        statements.join(";\n")
    };
    let function = format!(
        "CREATE OR REPLACE FUNCTION park_totals() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
             IF TG_OP = 'INSERT' THEN {insert};
             ELSIF TG_OP = 'DELETE' THEN {delete};
             ELSE {update};
             END IF;
             RETURN NULL;
         END $$",
        insert = each(&from(1, "new_rows")),
        delete = each(&from(-1, "old_rows")),
        update = each(&format!(
            "{} UNION ALL {}",
            from(-1, "old_rows"),
            from(1, "new_rows")
        )),
    );
    let trigger = |op: &str, tables: &str| {
        format!(
            "CREATE TRIGGER park_totals_{} AFTER {op} ON park REFERENCING {tables} \
             FOR EACH STATEMENT EXECUTE FUNCTION park_totals()",
            op.to_lowercase()
        )
    };
    let moved = "SELECT w.province, 1 AS sign, w.id FROM new_rows w JOIN old_rows o USING (id) \
         WHERE o.province IS DISTINCT FROM w.province \
         UNION ALL SELECT o.province, -1, o.id FROM new_rows w JOIN old_rows o USING (id) \
         WHERE o.province IS DISTINCT FROM w.province";
    let cities = format!(
        "CREATE OR REPLACE FUNCTION park_totals_city() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN {}; RETURN NULL; END $$",
        move_cities(moved)
    );
    vec![
        function,
        cities,
        "CREATE TRIGGER park_totals_city AFTER UPDATE ON city \
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows \
         FOR EACH STATEMENT EXECUTE FUNCTION park_totals_city()"
            .to_owned(),
        trigger("INSERT", "NEW TABLE AS new_rows"),
        trigger("DELETE", "OLD TABLE AS old_rows"),
        trigger("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ]
}

const POSTGRES_DOWN: [&str; 6] = [
    "DROP TRIGGER IF EXISTS park_totals_city ON city",
    "DROP FUNCTION IF EXISTS park_totals_city()",
    "DROP TRIGGER IF EXISTS park_totals_insert ON park",
    "DROP TRIGGER IF EXISTS park_totals_delete ON park",
    "DROP TRIGGER IF EXISTS park_totals_update ON park",
    "DROP FUNCTION IF EXISTS park_totals()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // SQLite too: tables without their triggers would drift silently.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for totals in &TOTALS {
            db.execute_unprepared(&totals.create()).await?;
        }
        run_per_backend(manager, &postgres_up(), &sqlite_up()).await?;
        // After the triggers, in the same transaction: no park write falls
        // between.
        for totals in &TOTALS {
            db.execute_unprepared(&totals.backfill()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_per_backend(manager, &POSTGRES_DOWN, &SQLITE_DOWN).await?;
        let db = manager.get_connection();
        for totals in &TOTALS {
            db.execute_unprepared(&format!("DROP TABLE IF EXISTS {}", totals.table))
                .await?;
        }
        Ok(())
    }
}
