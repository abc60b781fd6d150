//! Measures a parsed document before validation: depth, cost, aliases, root
//! fields, directives. Each fragment is measured once and reused, so a
//! document whose fragments spread each other twice per level (2^30 fields
//! from 1 KB) is measured in microseconds rather than expanded.

use std::collections::{HashMap, HashSet};

use async_graphql::parser::types::{
    BaseType, ExecutableDocument, Field, Selection, SelectionSet, TypeKind,
};
use async_graphql::{Name, Value, Variables};

/// Every field's return type, from the schema's SDL.
#[derive(Debug, Default)]
pub struct Shape {
    fields: HashMap<(String, String), (String, bool)>,
    roots: [String; 3],
}

impl Shape {
    /// Reads the object and interface fields of `sdl`.
    pub fn from_sdl(sdl: &str) -> Self {
        let mut shape = Self {
            fields: HashMap::new(),
            roots: ["Query".into(), "Mutation".into(), "Subscription".into()],
        };
        let Ok(document) = async_graphql::parser::parse_schema(sdl) else {
            return shape;
        };
        for definition in document.definitions {
            let async_graphql::parser::types::TypeSystemDefinition::Type(ty) = definition else {
                continue;
            };
            let fields = match &ty.node.kind {
                TypeKind::Object(o) => &o.fields,
                TypeKind::Interface(i) => &i.fields,
                _ => continue,
            };
            for field in fields {
                let mut base = &field.node.ty.node.base;
                let mut list = false;
                while let BaseType::List(inner) = base {
                    list = true;
                    base = &inner.base;
                }
                if let BaseType::Named(name) = base {
                    let key = (
                        ty.node.name.node.to_string(),
                        field.node.name.node.to_string(),
                    );
                    shape.fields.insert(key, (name.to_string(), list));
                }
            }
        }
        shape
    }

    fn field(&self, parent: &str, name: &str) -> (&str, bool) {
        self.fields
            .get(&(parent.to_owned(), name.to_owned()))
            .map_or(("", false), |(ty, list)| (ty.as_str(), *list))
    }
}

/// What a selection costs once expanded. Every count saturates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measure {
    /// Deepest field nesting.
    pub depth: u64,
    /// Fields weighted by how many rows their lists can return.
    pub cost: u64,
    /// Aliased fields.
    pub aliases: u64,
    /// Fields at the top level of the selection.
    pub top: u64,
}

impl Measure {
    fn absorb(&mut self, other: Measure) {
        self.depth = self.depth.max(other.depth);
        self.cost = self.cost.saturating_add(other.cost);
        self.aliases = self.aliases.saturating_add(other.aliases);
        self.top = self.top.saturating_add(other.top);
    }
}

/// A connection without `first`/`last` returns this many rows (the default page).
pub const CONNECTION_DEFAULT: u64 = 20;
/// A plain list without a size argument is counted as this many rows.
pub const LIST_DEFAULT: u64 = 10;
const MAX_PAGE: u64 = crate::store::listing::MAX_PAGE_SIZE;

/// The measures of one document.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Each operation's measure, by name (`None` for an anonymous one).
    pub operations: Vec<(Option<Name>, Measure)>,
    /// Directives written anywhere in the document.
    pub directives: u64,
    /// The first directive the schema does not define.
    pub unknown_directive: Option<String>,
}

/// Measures every operation of `document`.
pub fn analyze(document: &ExecutableDocument, shape: &Shape, variables: &Variables) -> Analysis {
    let mut walker = Walker {
        document,
        shape,
        variables,
        memo: HashMap::new(),
        visiting: HashSet::new(),
        analysis: Analysis::default(),
    };
    for (_, fragment) in document.fragments.iter() {
        walker.directives(&fragment.node.directives);
    }
    for (name, operation) in document.operations.iter() {
        walker.directives(&operation.node.directives);
        let root = &shape.roots[operation.node.ty as usize % 3];
        let measure = walker.selection_set(root, &operation.node.selection_set.node);
        walker.analysis.operations.push((name.cloned(), measure));
    }
    walker.analysis
}

struct Walker<'a> {
    document: &'a ExecutableDocument,
    shape: &'a Shape,
    variables: &'a Variables,
    memo: HashMap<Name, Measure>,
    visiting: HashSet<Name>,
    analysis: Analysis,
}

impl Walker<'_> {
    fn directives(
        &mut self,
        directives: &[async_graphql::Positioned<async_graphql::parser::types::Directive>],
    ) {
        for directive in directives {
            self.analysis.directives += 1;
            let name = directive.node.name.node.as_str();
            if name != "include" && name != "skip" && self.analysis.unknown_directive.is_none() {
                self.analysis.unknown_directive = Some(name.to_owned());
            }
        }
    }

    fn selection_set(&mut self, parent: &str, set: &SelectionSet) -> Measure {
        let mut measure = Measure::default();
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    self.directives(&field.directives);
                    let (ty, list) = self.shape.field(parent, field.name.node.as_str());
                    let ty = ty.to_owned();
                    let children = self.selection_set(&ty, &field.selection_set.node);
                    // A connection's multiplier already counts its `nodes` and
                    // `edges`; only lists elsewhere multiply.
                    let rows = if parent.ends_with("Connection") {
                        1
                    } else if list || ty.ends_with("Connection") {
                        self.rows(field, list)
                    } else {
                        1
                    };
                    measure.absorb(Measure {
                        depth: 1 + children.depth,
                        cost: rows.saturating_mul(children.cost).saturating_add(1),
                        aliases: children.aliases + u64::from(field.alias.is_some()),
                        top: 1,
                    });
                }
                Selection::FragmentSpread(spread) => {
                    self.directives(&spread.node.directives);
                    let fragment = self.fragment(&spread.node.fragment_name.node);
                    measure.absorb(fragment);
                }
                Selection::InlineFragment(inline) => {
                    self.directives(&inline.node.directives);
                    let ty = inline
                        .node
                        .type_condition
                        .as_ref()
                        .map_or(parent.to_owned(), |c| c.node.on.node.to_string());
                    let inner = self.selection_set(&ty, &inline.node.selection_set.node);
                    measure.absorb(inner);
                }
            }
        }
        measure
    }

    fn fragment(&mut self, name: &Name) -> Measure {
        if let Some(measure) = self.memo.get(name) {
            return *measure;
        }
        // A cycle (or an unknown fragment) is left for validation to report.
        let Some(definition) = self.document.fragments.get(name) else {
            return Measure::default();
        };
        if !self.visiting.insert(name.clone()) {
            return Measure::default();
        }
        let ty = definition.node.type_condition.node.on.node.to_string();
        let measure = self.selection_set(&ty, &definition.node.selection_set.node);
        self.visiting.remove(name);
        self.memo.insert(name.clone(), measure);
        measure
    }

    /// How many rows a list or connection field can return.
    fn rows(&self, field: &Field, list: bool) -> u64 {
        for (name, value) in &field.arguments {
            let value = value
                .node
                .clone()
                .into_const_with(|var| self.variables.get(&var).cloned().ok_or(()));
            match (name.node.as_str(), value) {
                // Larger pages are refused by the field itself, with a
                // clearer error than a cost overrun.
                ("first" | "last", Ok(Value::Number(n))) => {
                    return n.as_u64().unwrap_or(0).min(MAX_PAGE);
                }
                ("ids", Ok(Value::List(ids))) => return ids.len() as u64,
                _ => {}
            }
        }
        if list {
            LIST_DEFAULT
        } else {
            CONNECTION_DEFAULT
        }
    }
}
