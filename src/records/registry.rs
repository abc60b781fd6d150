//! The one list of stored records, in load order (parents before children).
//! From it come [`Kind`], the [`Dataset`] with one list per record, the
//! tables' [`Table`](crate::store::table::Table) impls, and
//! `for_each_record!`, which runs a block once per record.
//!
//! The list and the `impl Record`s check each other: a model listed here
//! without an `impl Record` does not compile (`Kind::type_name`), nor does an
//! `impl Record` for a model missing here (it has no [`HasKind`]).

use super::Record;

/// Which [`Kind`] a record is; generated for every listed model.
pub trait HasKind {
    /// Its kind.
    const KIND: Kind;
}

/// The rows of one record in a [`Dataset`].
pub trait Rows<R> {
    /// The rows.
    fn rows(&self) -> &Vec<R>;
    /// The rows, to fill.
    fn rows_mut(&mut self) -> &mut Vec<R>;
}

macro_rules! records {
    ($d:tt $($Variant:ident => $field:ident: $module:ident),+ $(,)?) => {
        /// Every kind of stored record, in load order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $(#[doc = concat!("`", stringify!($module), "` rows.")] $Variant),+
        }

        impl Kind {
            /// Every kind, in load order (parents before children).
            pub const ALL: &'static [Kind] = &[$(Kind::$Variant),+];

            /// The record type (`park`), as the change log names it.
            pub fn type_name(self) -> &'static str {
                match self { $(Kind::$Variant => <entity::$module::Model as Record>::TYPE),+ }
            }

            /// Its dataset file (`parks.csv`).
            pub fn file(self) -> &'static str {
                match self { $(Kind::$Variant => <entity::$module::Model as Record>::FILE),+ }
            }

            /// Its dataset file's header.
            pub fn headers(self) -> &'static [&'static str] {
                match self { $(Kind::$Variant => <entity::$module::Model as Record>::HEADERS),+ }
            }

            /// Its key columns.
            pub fn key(self) -> &'static [&'static str] {
                match self { $(Kind::$Variant => <entity::$module::Model as Record>::KEY),+ }
            }

            /// The shipped rows of its file.
            pub fn embedded(self) -> &'static str {
                match self { $(Kind::$Variant => <entity::$module::Model as Record>::EMBEDDED),+ }
            }

            /// Whether other rows refer to it by its public key.
            pub fn referable(self) -> bool {
                match self { $(Kind::$Variant => <entity::$module::Model as Record>::REFERABLE),+ }
            }

            /// Its table's name.
            pub fn table(self) -> &'static str {
                match self { $(Kind::$Variant => stringify!($module)),+ }
            }
        }

        $(impl HasKind for entity::$module::Model {
            const KIND: Kind = Kind::$Variant;
        })+

        $(impl crate::store::table::Table for entity::$module::Entity {
            const ID: Self::Column = entity::$module::Column::Id;
            fn id_of(model: &Self::Model) -> i32 {
                model.id
            }
        })+

        /// Every row of a dataset, one list per record.
        #[derive(Debug, Default)]
        pub struct Dataset {
            $(#[doc = concat!("`", stringify!($module), "` rows.")]
            pub $field: Vec<entity::$module::Model>),+
        }

        $(impl Rows<entity::$module::Model> for Dataset {
            fn rows(&self) -> &Vec<entity::$module::Model> {
                &self.$field
            }
            fn rows_mut(&mut self) -> &mut Vec<entity::$module::Model> {
                &mut self.$field
            }
        })+

        /// `for_each_record!(E => { ... })`: the block once per record, in
        /// load order, with `E` its model.
        macro_rules! for_each_record {
            ($d E:ident => $d body:block) => {{
                $({
                    #[allow(unused_imports)]
                    use $crate::records::{HasKind as _, Record as _};
                    #[allow(dead_code)]
                    type $d E = entity::$module::Model;
                    $d body
                })+
            }};
        }
        pub(crate) use for_each_record;
    };
}

records! {$
    SourceDocument => source_documents: source_document,
    City => cities: city,
    CityCoordinate => city_coordinates: city_coordinate,
    Organization => organizations: organization,
    Programme => programmes: programme,
    Park => parks: park,
    ParkClaim => park_claims: park_claim,
    Firm => firms: firm,
    Tenancy => tenancies: tenancy,
    TenancyObservation => tenancy_observations: tenancy_observation,
    Project => projects: project,
    ProjectPartner => partners: project_partner,
    ProjectClaim => project_claims: project_claim,
    Milestone => milestones: milestone,
    ProgrammeCentre => programme_centres: programme_centre,
    StpEvidence => stp_evidence: stp_evidence,
    Indicator => indicators: indicator,
    Source => sources: source,
}

impl Kind {
    /// The kind whose record type is `name` (`park`).
    pub fn from_type(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.type_name() == name)
    }

    /// The kind whose table is `name` (`park`).
    pub fn from_table(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.table() == name)
    }

    /// The kind whose dataset file is `name` (`parks.csv`).
    pub fn from_file(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.file() == name)
    }
}

impl Dataset {
    /// The rows of `R`.
    pub fn rows<R>(&self) -> &Vec<R>
    where
        Self: Rows<R>,
    {
        Rows::rows(self)
    }

    /// How many rows it holds in all.
    pub fn len(&self) -> usize {
        let mut total = 0;
        for_each_record!(E => { total += self.rows::<E>().len(); });
        total
    }

    /// True when it holds no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, EntityTrait, IdenStatic, Iterable, Statement};

    use super::*;
    use crate::store::rows::Decode;

    /// Each model is read by position in the order its columns are selected
    /// (`Column::iter()`); a field out of order would be read by name.
    #[test]
    fn every_record_is_read_in_the_order_its_columns_are_selected() {
        for_each_record!(E => {
            let declared: Vec<&str> = <<E as Record>::Table as EntityTrait>::Column::iter()
                .map(|c| c.as_str())
                .collect();
            assert_eq!(declared, <E as Decode>::COLUMNS, "{}", E::TYPE);
        });
    }

    /// Every kind's table exists after the migrations, with every column its
    /// model declares (a table missing from the migrations fails here).
    #[tokio::test]
    async fn the_migrations_make_every_records_table_with_its_columns() {
        let db = crate::store::Db::connect("sqlite::memory:", 1)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        for_each_record!(E => {
            let columns: Vec<&str> = <<E as Record>::Table as EntityTrait>::Column::iter()
                .map(|c| c.as_str())
                .collect();
            let sql = format!("SELECT {} FROM {} LIMIT 0", columns.join(", "), E::KIND.table());
            let statement = Statement::from_string(db.backend(), sql.clone());
            db.conn.query_all_raw(statement).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        });
    }

    /// Kinds are named consistently: record type, table and file.
    #[test]
    fn every_kind_has_one_type_file_and_table() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_type(kind.type_name()), Some(*kind));
            assert_eq!(Kind::from_file(kind.file()), Some(*kind));
            assert!(kind.file().ends_with(".csv"), "{kind:?}");
            for column in kind.key() {
                assert!(kind.headers().contains(column), "{kind:?}: {column}");
            }
        }
    }
}
