//! A CSV header row read against a model: which field each column fills, and the shape of
//! the JSON record a row's cells make.
//!
//! A header names a field by its exact name, or by its name or label ignoring case, spaces,
//! underscores and hyphens (`Default Bill Method` and `default_bill_method` are
//! `defaultBillMethod`). Dots go down into nested objects (`billingSettings.base.unitCost`),
//! and into a map's or any-object's keys (`data.region`). A column that names no field is
//! kept under its header as given (an unnamed column as `column N`), where the `unknown`
//! option decides about it like any undeclared property.

use crate::json::write::push_json_str;
use crate::report::error::{Code, Error, Param, Params};
use crate::schema::decl::{Field, ObjectDecl, Ty};

/// Where one column's cells go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header cell, as written.
    pub header: String,
    /// The JSON Pointer its cells are set at in each record (`/billingSettings/base/unitCost`).
    pub path: String,
    /// Whether that is a declared field (else: an undeclared property, or a key of a map).
    pub declared: bool,
}

/// The record a row makes: members in header order, nested by dotted headers.
#[derive(Debug)]
pub(super) enum Node {
    Object(Vec<(String, Node)>),
    /// A column's cell; `json`: the field holds a list or an object, so a cell that is JSON
    /// text is read as JSON (else it is a string, which the field's type test refuses).
    Cell {
        column: usize,
        json: bool,
    },
}

/// The mapping of a header row: the columns and the record's shape.
#[derive(Debug)]
pub(super) struct Header {
    pub(super) columns: Vec<Column>,
    root: Vec<(String, Node)>,
}

impl Header {
    /// Reads the header cells (UTF-8) against `decl`; a column that cannot be placed (it
    /// names a field another column names, or goes inside a field that is not an object) is
    /// a `csv_header` error.
    pub(super) fn read(decl: &'static ObjectDecl, cells: &[&str]) -> Result<Header, Error> {
        let mut header = Header { columns: Vec::with_capacity(cells.len()), root: Vec::new() };
        for (i, cell) in cells.iter().enumerate() {
            let (path, declared, json) = place(decl, cell.trim(), i).map_err(|detail| header_error(i, cell, detail))?;
            insert(&mut header.root, &path, i, json).map_err(|detail| header_error(i, cell, detail))?;
            header.columns.push(Column { header: (*cell).to_owned(), path: pointer(&path), declared });
        }
        Ok(header)
    }

    /// The JSON record of a row whose cells (one per column) are `cells`: an empty cell is an
    /// absent field, and an object none of whose cells is set is absent too.
    pub(super) fn record(&self, cells: &[&str], out: &mut String, tape: &mut crate::json::tape::Tape) {
        out.clear();
        if !write_object(&self.root, cells, out, tape) {
            out.push_str("{}");
        }
    }
}

/// The key path of column `i` from its header, whether it is a declared field, and whether its
/// cells may be JSON. An error's detail when it goes inside a field that is no object.
fn place(decl: &'static ObjectDecl, header: &str, i: usize) -> Result<(Vec<String>, bool, bool), String> {
    if header.is_empty() {
        return Ok((vec![format!("column {}", i + 1)], false, false));
    }
    let segments: Vec<&str> = header.split('.').map(str::trim).collect();
    let mut path = Vec::with_capacity(segments.len());
    // What the next segment names: a field of an object, a key of a map (then the map's
    // values' type), or a key of anything (inside an any-object or a map of scalars).
    let mut within = Within::Object(decl);
    let mut declared = true;
    for (k, segment) in segments.iter().enumerate() {
        let last = k + 1 == segments.len();
        let ty = match within {
            Within::Any => {
                path.push((*segment).to_owned());
                declared = false;
                continue;
            }
            Within::Map(ty) => {
                path.push((*segment).to_owned());
                ty
            }
            Within::Object(decl) => {
                let Some(field) = find(decl, segment) else {
                    // No such field: the rest of the header is one undeclared property.
                    path.push(segments[k..].join("."));
                    return Ok((path, false, false));
                };
                path.push(field.name.to_owned());
                &field.ty
            }
        };
        if last {
            let json = matches!(ty, Ty::Object(_) | Ty::AnyObject | Ty::List(_) | Ty::Map(_));
            return Ok((path, declared, json));
        }
        within = match ty {
            Ty::Object(inner) => Within::Object(inner),
            Ty::Map(values) => Within::Map(values),
            Ty::AnyObject => Within::Any,
            _ => return Err(format!("goes inside {}, which is not an object", path.last().map_or("", |s| s.as_str()))),
        };
    }
    // The last segment was a key of anything.
    Ok((path, false, false))
}

#[derive(Clone, Copy)]
enum Within {
    Object(&'static ObjectDecl),
    Map(&'static Ty),
    Any,
}

/// The field `name` names: exactly, else ignoring case, spaces, underscores and hyphens, by
/// name or by label.
fn find(decl: &'static ObjectDecl, name: &str) -> Option<&'static Field> {
    if let Some((_, field)) = decl.field(name) {
        return Some(field);
    }
    let key = squash(name);
    decl.fields.iter().find(|f| squash(f.name) == key || (!f.label.is_empty() && squash(f.label) == key))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect()
}

/// Adds column `column` at `path` in the record's shape.
fn insert(members: &mut Vec<(String, Node)>, path: &[String], column: usize, json: bool) -> Result<(), String> {
    let Some((first, rest)) = path.split_first() else { return Ok(()) };
    let Some(at) = members.iter().position(|(k, _)| k == first) else {
        if rest.is_empty() {
            members.push((first.clone(), Node::Cell { column, json }));
            return Ok(());
        }
        let mut inner = Vec::new();
        insert(&mut inner, rest, column, json)?;
        members.push((first.clone(), Node::Object(inner)));
        return Ok(());
    };
    match &mut members[at].1 {
        Node::Cell { column: other, .. } if rest.is_empty() => Err(format!("names the same field as column {}", *other + 1)),
        Node::Cell { column: other, .. } => Err(format!("goes inside {first}, which column {} gives whole", *other + 1)),
        Node::Object(_) if rest.is_empty() => Err(format!("gives {first} whole, which other columns give field by field")),
        Node::Object(inner) => insert(inner, rest, column, json),
    }
}

/// Writes the members that have a cell set; whether any had.
fn write_object(members: &[(String, Node)], cells: &[&str], out: &mut String, tape: &mut crate::json::tape::Tape) -> bool {
    let start = out.len();
    out.push('{');
    let mut any = false;
    for (key, node) in members {
        let mark = out.len();
        if any {
            out.push(',');
        }
        push_json_str(out, key);
        out.push(':');
        let set = match node {
            Node::Cell { column, json } => match cells[*column] {
                "" => false,
                cell => {
                    let looks_json = *json && matches!(cell.trim_start().as_bytes().first(), Some(b'[' | b'{'));
                    if looks_json && tape.parse(cell).is_ok() {
                        out.push_str(cell);
                    } else {
                        push_json_str(out, cell);
                    }
                    true
                }
            },
            Node::Object(inner) => write_object(inner, cells, out, tape),
        };
        if set {
            any = true;
        } else {
            out.truncate(mark);
        }
    }
    if any {
        out.push('}');
    } else {
        out.truncate(start);
    }
    any
}

/// `path` as a JSON Pointer.
fn pointer(path: &[String]) -> String {
    path.iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect()
}

/// A `csv_header` error of column `i` (0-based).
fn header_error(i: usize, header: &str, detail: String) -> Error {
    let params = Params::default()
        .with("column", Param::Int(i as i64 + 1))
        .with("header", Param::Str(header.to_owned()))
        .with("detail", Param::Str(detail));
    Error::new("", Code::CsvHeader, params)
}
