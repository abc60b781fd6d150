//! The changes from one SDL to another that can break a client: a type,
//! field, argument, input field, enum value or union member removed; a
//! field's type changed other than made non-null; an argument or input field
//! retyped other than made nullable, or added as required.

use std::collections::BTreeMap;

use async_graphql::parser::types::{InputValueDefinition, TypeKind, TypeSystemDefinition};
use async_graphql::parser::{Positioned, parse_schema};

/// A type's parts, by name, as far as compatibility goes.
enum Shape {
    Scalar,
    // Output fields: type and arguments.
    Fields(BTreeMap<String, (String, Inputs)>),
    Union(Vec<String>),
    Enum(Vec<String>),
    Input(Inputs),
}

/// Arguments or input fields: type, and whether a default value is given.
type Inputs = BTreeMap<String, (String, bool)>;

/// Every breaking change from `old` to `new` (both SDL), one line each.
pub fn breaking_changes(old: &str, new: &str) -> Result<Vec<String>, String> {
    let (old, new) = (shapes(old)?, shapes(new)?);
    let mut found = Vec::new();
    for (name, before) in &old {
        match (before, new.get(name)) {
            (_, None) => found.push(format!("type {name} was removed")),
            (Shape::Fields(before), Some(Shape::Fields(after))) => {
                fields(name, before, after, &mut found)
            }
            (Shape::Input(before), Some(Shape::Input(after))) => {
                inputs(&format!("input {name}"), before, after, &mut found)
            }
            (Shape::Enum(before), Some(Shape::Enum(after))) => {
                for value in before.iter().filter(|v| !after.contains(v)) {
                    found.push(format!("enum value {name}.{value} was removed"));
                }
            }
            (Shape::Union(before), Some(Shape::Union(after))) => {
                for member in before.iter().filter(|m| !after.contains(m)) {
                    found.push(format!("{member} was removed from union {name}"));
                }
            }
            (Shape::Scalar, Some(Shape::Scalar)) => {}
            (_, Some(_)) => found.push(format!("type {name} changed kind")),
        }
    }
    Ok(found)
}

fn fields(
    ty: &str,
    before: &BTreeMap<String, (String, Inputs)>,
    after: &BTreeMap<String, (String, Inputs)>,
    found: &mut Vec<String>,
) {
    for (field, (old_type, old_args)) in before {
        let Some((new_type, new_args)) = after.get(field) else {
            found.push(format!("field {ty}.{field} was removed"));
            continue;
        };
        // An answer that is never null still satisfies a client expecting maybe-null.
        if new_type != old_type && *new_type != format!("{old_type}!") {
            found.push(format!(
                "field {ty}.{field} changed type from {old_type} to {new_type}"
            ));
        }
        inputs(&format!("field {ty}.{field}"), old_args, new_args, found);
    }
}

fn inputs(owner: &str, before: &Inputs, after: &Inputs, found: &mut Vec<String>) {
    for (name, (old_type, _)) in before {
        match after.get(name) {
            None => found.push(format!(
                "{owner}: argument or input field {name} was removed"
            )),
            // Accepting null where a value was required breaks no caller.
            Some((new_type, _)) if new_type == old_type || *old_type == format!("{new_type}!") => {}
            Some((new_type, _)) => found.push(format!(
                "{owner}: {name} changed type from {old_type} to {new_type}"
            )),
        }
    }
    for (name, (new_type, defaulted)) in after {
        if !before.contains_key(name) && new_type.ends_with('!') && !defaulted {
            found.push(format!(
                "{owner}: {name} was added as required ({new_type})"
            ));
        }
    }
}

fn shapes(sdl: &str) -> Result<BTreeMap<String, Shape>, String> {
    let document = parse_schema(sdl).map_err(|err| format!("the SDL does not parse: {err}"))?;
    let mut shapes = BTreeMap::new();
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let ty = ty.node;
        let shape = match ty.kind {
            TypeKind::Scalar => Shape::Scalar,
            TypeKind::Object(object) => output(object.fields),
            TypeKind::Interface(interface) => output(interface.fields),
            TypeKind::Union(union) => {
                Shape::Union(union.members.iter().map(|m| m.node.to_string()).collect())
            }
            TypeKind::Enum(e) => Shape::Enum(
                e.values
                    .iter()
                    .map(|v| v.node.value.node.to_string())
                    .collect(),
            ),
            TypeKind::InputObject(input) => Shape::Input(input_values(&input.fields)),
        };
        shapes.insert(ty.name.node.to_string(), shape);
    }
    Ok(shapes)
}

fn output(fields: Vec<Positioned<async_graphql::parser::types::FieldDefinition>>) -> Shape {
    let fields = fields.into_iter().map(|field| {
        let field = field.node;
        let args = input_values(&field.arguments);
        (
            field.name.node.to_string(),
            (field.ty.node.to_string(), args),
        )
    });
    Shape::Fields(fields.collect())
}

fn input_values(values: &[Positioned<InputValueDefinition>]) -> Inputs {
    values
        .iter()
        .map(|value| {
            let value = &value.node;
            let ty = value.ty.node.to_string();
            (
                value.name.node.to_string(),
                (ty, value.default_value.is_some()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::breaking_changes;

    const OLD: &str = "type Query { park(slug: String!): Park parks(first: Int): [Park!]! }
        type Park { name: String area: Int kind: Kind! }
        enum Kind { STP IT_PARK }
        input ParkInput { name: String! notes: String }";

    /// Each kind of breaking change is found, and the safe ones are not.
    #[test]
    fn breaking_changes_are_told_from_safe_ones() {
        let new =
            "type Query { park(slug: String, near: Int!): Park! parks(first: String): [Park!]! }
            type Park { name: String! kind: Kind! added: Int }
            enum Kind { STP }
            input ParkInput { name: String notes: Int extra: Int! }";

        let found = breaking_changes(OLD, new).unwrap();

        assert_eq!(
            found,
            [
                "enum value Kind.IT_PARK was removed",
                "field Park.area was removed",
                "input ParkInput: notes changed type from String to Int",
                "input ParkInput: extra was added as required (Int!)",
                "field Query.park: near was added as required (Int!)",
                "field Query.parks: first changed type from Int to String",
            ]
        );
        assert!(breaking_changes(OLD, OLD).unwrap().is_empty());
    }
}
