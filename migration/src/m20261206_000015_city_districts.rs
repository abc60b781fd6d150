//! A town can lie in a district the data also holds as a city (Mingora in
//! Swat): `city.district_id`. No FOREIGN KEY, which SQLite could not drop
//! again; cities are not deleted by the API.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut column = ColumnDef::new(Alias::new("district_id"));
        column.integer();
        let alter = Table::alter()
            .table(Alias::new("city"))
            .add_column(&mut column)
            .to_owned();
        manager.alter_table(alter).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let alter = Table::alter()
            .table(Alias::new("city"))
            .drop_column(Alias::new("district_id"))
            .to_owned();
        manager.alter_table(alter).await
    }
}
