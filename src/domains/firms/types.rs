use async_graphql::{Context, ID, Object, SimpleObject};
use entity::firm;

use crate::connection;
use crate::domains::sources::Source;
use crate::domains::tenancies::{TenanciesOfFirm, Tenancy};
use crate::graphql::loaders::Served;
use crate::store::listing::{StatRow, summary, summary_measures};

/// A firm that rents (or rented) space in a park.
#[derive(Clone, Debug)]
pub struct Firm(pub firm::Model);

/// A firm that rents (or rented) space in a park.
#[Object]
impl Firm {
    /// Opaque global ID (Relay `Node`).
    pub async fn id(&self) -> ID {
        crate::graphql::node::global_id("Firm", self.0.id)
    }

    /// Stable public key, e.g. `techlogix-ltd`.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// The firm's name as its sources give it.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What the firm does, as its sources describe it; null when unknown.
    async fn sector(&self) -> Option<&str> {
        self.0.sector.as_deref()
    }

    /// Head count; null when no source gives one.
    async fn employees(&self) -> Option<i32> {
        self.0.employees
    }

    /// Every recorded tenancy of this firm, in any park, oldest record first.
    async fn tenancies(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Tenancy>> {
        let rows = crate::graphql::kit::loader::children::<TenanciesOfFirm>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(Tenancy).collect())
    }

    /// Where the facts about this firm come from, with as-of dates.
    async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
        crate::domains::sources::of::<entity::firm::Model>(ctx, self.0.id).await
    }

    /// Bumped on every write; send it back with updates to avoid lost updates.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the record last changed (ISO-8601 UTC).
    async fn updated_at(&self) -> &str {
        &self.0.updated_at
    }
}

connection!(
    /// A page of firms. `aggregate` covers every firm the filter matches.
    FirmConnection, FirmEdge, Firm, firm::Model,
    {
        /// Count, sum, average, minimum and maximum of head counts over every
        /// matching firm.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<FirmAggregate> {
            let fields = vec![super::inputs::col(firm::Column::Employees)];
            let rows = self.0.stats(ctx, summary_measures(&fields), None, |_| {}).await?;
            Ok(FirmAggregate::from(rows.into_iter().next().unwrap_or_default()))
        }
    }
);

/// Summary figures over every firm a filter matches.
#[derive(SimpleObject, Clone, Debug)]
pub struct FirmAggregate {
    /// How many firms match.
    pub count: i64,
    /// Sums (null when no firm has a value).
    pub sum: FirmNumbers,
    /// Averages over the firms that have a value.
    pub avg: FirmNumbers,
    /// Smallest values.
    pub min: FirmNumbers,
    /// Largest values.
    pub max: FirmNumbers,
}

/// One figure for each numeric firm field.
#[derive(SimpleObject, Clone, Debug)]
pub struct FirmNumbers {
    /// Head count.
    pub employees: Option<f64>,
}

impl From<StatRow> for FirmAggregate {
    fn from(row: StatRow) -> Self {
        let numbers = |op| FirmNumbers {
            employees: summary(&row, 0, op),
        };
        Self {
            count: row.count(0),
            sum: numbers(0),
            avg: numbers(1),
            min: numbers(2),
            max: numbers(3),
        }
    }
}

impl Served for entity::firm::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
}
