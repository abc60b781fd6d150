//! The licenses of the data the service serves beside its own, with the
//! attribution each asks for.

use async_graphql::{Object, SimpleObject};

/// A license of data the service serves, and the credit it asks for.
#[derive(SimpleObject, Clone, Debug)]
pub struct DataLicense {
    /// Whose data it is.
    pub name: &'static str,
    /// What of the service's answers comes from it.
    pub applies_to: &'static str,
    /// The license.
    pub license: &'static str,
    /// The license's text.
    pub license_url: &'static str,
    /// The credit to show wherever the data is shown.
    pub attribution: &'static str,
    /// Where the data comes from.
    pub url: &'static str,
}

/// Every license of data the service serves beside its own.
pub const LICENSES: &[DataLicense] = &[DataLicense {
    name: "GeoNames",
    applies_to: "City.location and Park.location (latitude, longitude, geonamesId, \
                 geonamesName), and the distances computed from them",
    license: "CC BY 4.0",
    license_url: "https://creativecommons.org/licenses/by/4.0/",
    attribution: "Coordinates from GeoNames (geonames.org), CC BY 4.0",
    url: "https://www.geonames.org/",
}];

/// Root fields about the data itself.
#[derive(Default)]
pub struct LicenseQuery;

/// Root fields about the data itself.
#[Object]
impl LicenseQuery {
    /// The licenses of data the service serves beside its own, with the
    /// credit each asks for; show it wherever that data is shown.
    async fn data_licenses(&self) -> Vec<DataLicense> {
        LICENSES.to_vec()
    }
}
