//! `connection!` writes the Relay boilerplate of a connection type (edges,
//! nodes, pageInfo, totalCount) so each domain only adds what is its own
//! (aggregates, groups).

/// Declares `$conn` (a connection over `Listing<$row>`) and `$edge`, with the
/// extra resolver methods given in braces added to the connection.
#[macro_export]
macro_rules! connection {
    (
        $(#[$meta:meta])*
        $conn:ident, $edge:ident, $node:ident, $row:ty,
        { $($extra:tt)* }
    ) => {
        $(#[$meta])*
        pub struct $conn(pub $crate::store::listing::Listing<$row>);

        #[doc = concat!("One ", stringify!($node), " in a page, with the cursor that points at it.")]
        pub struct $edge {
            cursor: $crate::store::listing::Cursor,
            node: $row,
        }

        #[doc = concat!("One ", stringify!($node), " in a page, with the cursor that points at it.")]
        #[async_graphql::Object]
        impl $edge {
            /// Opaque position of this edge; pass it as `after` or `before`.
            async fn cursor(&self) -> String {
                self.cursor.encode()
            }

            /// The record at this position.
            async fn node(&self) -> $node {
                $node(self.node.clone())
            }
        }

        $(#[$meta])*
        #[async_graphql::Object]
        impl $conn {
            /// The page's records with their cursors, in the list's order.
            async fn edges(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<Vec<$edge>> {
                let page = self.0.page(ctx).await?;
                Ok(page
                    .items
                    .iter()
                    .map(|(cursor, row)| $edge {
                        cursor: cursor.clone(),
                        node: row.clone(),
                    })
                    .collect())
            }

            /// The page's records, in the list's order (edges without cursors).
            async fn nodes(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<Vec<$node>> {
                let page = self.0.page(ctx).await?;
                Ok(page.items.iter().map(|(_, row)| $node(row.clone())).collect())
            }

            /// Whether more pages exist, and the cursors at the page's ends.
            async fn page_info(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<$crate::store::listing::PageInfo> {
                Ok(self.0.page_info(ctx).await?)
            }

            /// How many records match the filter across all pages. Counted only
            /// when asked for.
            async fn total_count(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<i64> {
                Ok(self.0.total_count(ctx).await?)
            }

            $($extra)*
        }
    };
}
