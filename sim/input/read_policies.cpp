#include "sim/input/read_policies.hpp"

#include "sim/input/read_distribution.hpp"
#include "sim/input/read_enums.hpp"
#include "sim/input/yaml_path.hpp"

namespace kpsim::input {
namespace {

model::Name name_of(const Value& v) { return {v.text().value_or(""), v.loc()}; }

std::vector<model::Name> names_of(const Value& v) {
  std::vector<model::Name> out;
  for (const Value& e : v.one_or_many()) out.push_back(name_of(e));
  return out;
}

std::vector<model::Name> names_at(const MapReader& m, const char* key) {
  if (auto v = m.get(key)) return names_of(*v);
  return {};
}

std::optional<double> fraction_at(const MapReader& m, const char* key, bool open_at_zero) {
  auto v = m.require(key);
  if (!v) return std::nullopt;
  auto x = v->number();
  if (!x) return std::nullopt;
  if (*x < 0 || *x > 1 || (open_at_zero && *x == 0)) {
    v->error("E-POL-002", std::string(open_at_zero ? "expected a fraction in (0, 1]" : "expected a probability in [0, 1]"));
    return std::nullopt;
  }
  return x;
}

// Keys of a step selection, read from the policy's own mapping.
#define KPSIM_SELECTION_KEYS "steps", "stages", "agencies", "templates", "all_approvals", "all_land"
// Keys every policy takes: which projects it is for (model::ProjectFilter).
#define KPSIM_PROJECT_KEYS "kinds", "classes", "levels"

model::StepSelection read_selection(const MapReader& m, bool need_some) {
  model::StepSelection s;
  s.loc = m.self().loc();
  s.steps = names_at(m, "steps");
  s.stages = names_at(m, "stages");
  s.agencies = names_at(m, "agencies");
  s.templates = names_at(m, "templates");
  if (auto a = m.get("all_approvals")) s.all_approvals = a->boolean().value_or(false);
  if (auto a = m.get("all_land")) s.all_land = a->boolean().value_or(false);
  if (need_some && s.steps.empty() && s.stages.empty() && s.agencies.empty() && !s.all_approvals && !s.all_land)
    m.self().error("E-POL-003", "select steps with 'steps', 'stages', 'agencies', 'all_approvals: true' or 'all_land: true'");
  return s;
}

model::ProjectFilter read_project_filter(const MapReader& m) {
  model::ProjectFilter f;
  if (auto k = m.get("kinds"))
    for (const Value& e : k->one_or_many())
      if (read_kind(e)) f.kinds.push_back(name_of(e));
  if (auto c = m.get("classes"))
    for (const Value& e : c->one_or_many())
      if (read_class(e)) f.classes.push_back(name_of(e));
  f.levels = names_at(m, "levels");
  return f;
}

model::CompressPolicy read_compress(const MapReader& m) {
  model::CompressPolicy p;
  p.select = read_selection(m, true);
  if (auto total = m.get("to_total")) {
    for (const char* k : {"from", "to"})
      if (m.has(k)) m.get(k)->error("E-POL-025", "give 'to_total' (the statutory full-process total to reach) or 'from' and 'to' (a ratio), not both");
    p.to_total = total->number();
    if (p.to_total && *p.to_total <= 0) total->error("E-POL-004", "'to_total' is the target statutory total: a positive number of working days");
  } else {
    auto from = m.require("from");
    auto to = m.require("to");
    if (from) p.from = from->number().value_or(0);
    if (to) p.to = to->number().value_or(0);
    if (from && p.from <= 0) from->error("E-POL-004", "'from' is the current approval time: a positive number of working days");
    if (to && p.to <= 0) to->error("E-POL-004", "'to' is the target approval time: a positive number of working days");
    if (from && to && p.from > 0 && p.to > p.from)
      to->error("E-POL-005", "'to' (" + to->text().value_or("") + ") is longer than 'from': compress shortens approval time");
  }
  if (auto mode = m.get("mode"))
    p.mode = read_choice<model::CompressMode>(*mode, {{"scale", model::CompressMode::scale}, {"cap", model::CompressMode::cap}})
                 .value_or(p.mode);
  return p;
}

model::OverlapPolicy read_overlap(const MapReader& m) {
  model::OverlapPolicy p;
  if (auto v = m.require("step")) p.step = name_of(*v);
  if (auto v = m.require("after")) p.after = name_of(*v);
  p.fraction = fraction_at(m, "fraction", true).value_or(p.fraction);
  if (m.has("rework_probability")) p.rework_probability = fraction_at(m, "rework_probability", false).value_or(0);
  p.templates = names_at(m, "templates");
  return p;
}

model::CommitmentPolicy read_commitment(const MapReader& m) {
  model::CommitmentPolicy p;
  if (auto v = m.require("step")) p.step = name_of(*v);
  if (auto v = m.require("duration")) p.duration = read_distribution(*v).value_or(p.duration);
  if (auto v = m.require("check_at")) p.check_at = name_of(*v);
  p.failure_probability = fraction_at(m, "failure_probability", false).value_or(0);
  if (auto v = m.get("on_failure"))
    p.on_failure = read_choice<model::CommitmentFailure>(
                       *v, {{"rework", model::CommitmentFailure::rework}, {"halt", model::CommitmentFailure::halt}})
                       .value_or(p.on_failure);
  if (p.on_failure == model::CommitmentFailure::halt) {
    if (auto v = m.require("halt")) p.halt = read_distribution(*v).value_or(p.halt);
  } else if (auto v = m.get("halt")) {
    v->error("E-POL-006", "'halt' is the idle time of 'on_failure: halt'; this policy reworks");
  }
  p.templates = names_at(m, "templates");
  return p;
}

model::MergePolicy read_merge(const MapReader& m) {
  model::MergePolicy p;
  if (auto v = m.require("steps")) {
    p.steps = names_of(*v);
    if (p.steps.size() < 2) v->error("E-POL-007", "a merge needs at least two steps");
  }
  if (auto v = m.require("id")) p.id = name_of(*v);
  if (auto v = m.get("name")) p.name = v->text().value_or("");
  if (auto v = m.get("agency")) p.agency = name_of(*v);
  if (auto v = m.get("duration")) p.duration = read_distribution(*v);
  if (auto v = m.get("combine")) {
    if (m.has("duration")) v->error("E-POL-008", "give either 'duration' or 'combine', not both");
    p.combine = read_choice<model::Combine>(*v, {{"longest", model::Combine::longest}, {"sum", model::Combine::sum}})
                    .value_or(p.combine);
  }
  if (auto v = m.get("limit"))
    if (auto x = v->number()) {
      if (*x <= 0) v->error("E-TPL-006", "a statutory limit is a positive number of working days");
      else p.limit = *x;
    }
  p.templates = names_at(m, "templates");
  return p;
}

model::RegionalAssessmentPolicy read_regional(const MapReader& m) {
  model::RegionalAssessmentPolicy p;
  if (auto v = m.require("zones")) p.zones = names_of(*v);
  if (auto v = m.require("steps")) p.steps = names_of(*v);
  return p;
}

model::EarlyStartPolicy read_early_start(const MapReader& m, bool on_land) {
  model::EarlyStartPolicy p;
  p.on_land = on_land;
  if (auto v = m.require("release")) p.release = names_of(*v);
  if (on_land) {
    if (auto v = m.require("land")) p.land = name_of(*v);
  }
  if (auto v = m.get("required_by")) p.required_by = name_of(*v);
  p.scope = read_selection(m, false);
  return p;
}

model::PhasedPermitPolicy read_phased(const MapReader& m) {
  model::PhasedPermitPolicy p;
  if (auto v = m.require("permit")) p.permit = name_of(*v);
  if (auto v = m.require("partial")) p.partial_id = name_of(*v);
  if (auto v = m.get("name")) p.partial_name = v->text().value_or("");
  if (auto v = m.require("duration")) p.duration = read_distribution(*v).value_or(p.duration);
  if (auto v = m.require("early")) p.early = names_of(*v);
  p.templates = names_at(m, "templates");
  return p;
}

std::optional<model::PolicySpec> read_spec(const std::string& kind, const Value& v) {
  if (kind == "compress") {
    MapReader m(v, {KPSIM_SELECTION_KEYS, KPSIM_PROJECT_KEYS, "from", "to", "to_total", "mode"});
    if (m.ok()) return read_compress(m);
  } else if (kind == "parallel") {
    MapReader m(v, {KPSIM_SELECTION_KEYS, KPSIM_PROJECT_KEYS});
    if (m.ok()) return model::ParallelPolicy{read_selection(m, true)};
  } else if (kind == "overlap") {
    MapReader m(v, {"step", "after", "fraction", "rework_probability", "templates", KPSIM_PROJECT_KEYS});
    if (m.ok()) return read_overlap(m);
  } else if (kind == "commitment") {
    MapReader m(v, {"step", "duration", "check_at", "failure_probability", "on_failure", "halt", "templates", KPSIM_PROJECT_KEYS});
    if (m.ok()) return read_commitment(m);
  } else if (kind == "merge") {
    MapReader m(v, {"steps", "id", "name", "agency", "duration", "combine", "limit", "templates", KPSIM_PROJECT_KEYS});
    if (m.ok()) return read_merge(m);
  } else if (kind == "regional_assessment") {
    MapReader m(v, {"zones", "steps", KPSIM_PROJECT_KEYS});
    if (m.ok()) return read_regional(m);
  } else if (kind == "early_land" || kind == "start_on_land") {
    MapReader m(v, {"release", "land", "required_by", "templates", KPSIM_PROJECT_KEYS});
    if (m.ok()) {
      if (kind == "early_land" && m.has("land"))
        m.get("land")->error("E-POL-009", "'land' belongs to start_on_land (construction waits for that land step)");
      return read_early_start(m, kind == "start_on_land");
    }
  } else if (kind == "deemed_approval") {
    MapReader m(v, {KPSIM_SELECTION_KEYS, KPSIM_PROJECT_KEYS});
    if (m.ok()) return model::DeemedApprovalPolicy{read_selection(m, true)};
  } else if (kind == "phased_permit") {
    MapReader m(v, {"permit", "partial", "name", "duration", "early", "templates", KPSIM_PROJECT_KEYS});
    if (m.ok()) return read_phased(m);
  }
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& policy_kind_names() {
  static const std::vector<std::string> names{"compress", "parallel", "overlap", "commitment", "merge",
                                              "regional_assessment", "early_land", "start_on_land",
                                              "deemed_approval", "phased_permit"};
  return names;
}

std::vector<model::Policy> read_policies(const Value& list) {
  std::vector<model::Policy> out;
  for (const Value& e : list.elements()) {
    const std::size_t errors = e.diagnostics().errors().size();
    MapReader m(e, {"label", "compress", "parallel", "overlap", "commitment", "merge", "regional_assessment",
                    "early_land", "start_on_land", "deemed_approval", "phased_permit"});
    if (!m.ok()) continue;
    std::vector<std::string> kinds;
    for (const std::string& k : policy_kind_names())
      if (m.has(k.c_str())) kinds.push_back(k);
    if (kinds.size() != 1) {
      if (kinds.empty() && e.diagnostics().errors().size() > errors) continue;  // a misspelled kind, already reported
      e.error("E-POL-001", kinds.empty() ? "expected one policy kind: compress, parallel, overlap, commitment, merge, "
                                           "regional_assessment, early_land, start_on_land, deemed_approval or phased_permit"
                                         : "one policy per list element: found '" + kinds[0] + "' and '" + kinds[1] + "'");
      continue;
    }
    const Value body = *m.get(kinds[0].c_str());
    auto spec = read_spec(kinds[0], body);
    if (!spec) continue;
    model::Policy p;
    p.projects = read_project_filter(MapReader(body, {}));  // its keys were checked by read_spec
    p.loc = e.loc();
    p.spec = std::move(*spec);
    p.label = kinds[0];
    if (auto l = m.get("label")) p.label = l->text().value_or(kinds[0]);
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

std::vector<model::Policy> read_policy_document(const std::optional<YamlDocument>& doc, model::Diagnostics& diag) {
  std::vector<model::Policy> out;
  if (!doc) return out;
  const Value root = doc->root_value(diag);
  MapReader m(root, {"kpsim", "description", "policies", "set"});
  if (!m.ok()) return out;
  if (auto v = m.require("kpsim"))
    if (auto n = v->integer(); n && *n != 1) v->error("E-SCN-001", "unsupported schema version " + std::to_string(*n));
  if (auto d = m.get("description")) d->text();
  if (m.has("set")) overlay_settings(*doc, diag);
  if (auto list = m.has("set") ? m.get("policies") : m.require("policies")) out = read_policies(*list);
  return out;
}

}  // namespace

std::vector<model::Policy> load_policy_file(const std::string& path) {
  model::Diagnostics diag;
  auto out = read_policy_document(parse_yaml_file(path, diag), diag);
  diag.throw_if_errors();
  return out;
}

std::vector<model::Policy> load_policy_text(const std::string& text, const std::string& path) {
  model::Diagnostics diag;
  auto out = read_policy_document(parse_yaml_text(text, path, diag), diag);
  diag.throw_if_errors();
  return out;
}

}  // namespace kpsim::input

namespace kpsim::input {

bool is_policy_overlay(const std::string& path) {
  model::Diagnostics diag;
  const auto doc = parse_yaml_file(path, diag);
  return doc && doc->root.IsMap() && (doc->root["policies"] || doc->root["set"]) && !doc->root["templates"];
}

std::vector<OverlaySetting> overlay_settings(const YamlDocument& doc, model::Diagnostics& diag) {
  std::vector<OverlaySetting> out;
  const Value root = doc.root_value(diag);
  if (!root.is_map() || !root.node()["set"]) return out;
  const Value set = root.child(root.node()["set"], "set");
  MapReader m(set, {});
  if (!m.ok()) return out;
  for (auto it = set.node().begin(); it != set.node().end(); ++it) {
    const std::string path = it->first.as<std::string>("");
    const model::SourceLoc where = doc.locate(it->first.Mark(), join_path("set", path));
    std::string why;
    if (!parse_yaml_path(path, why)) {
      diag.error("E-SWP-002", where, "'" + path + "' is not a path: " + why);
      continue;
    }
    const Value v = set.child(it->second, join_path("set", path));
    const auto span = source_span(doc.text, v.node());
    if (!span) {
      v.error("E-SWP-003", "a value set is a scalar or a one-line flow collection such as {pert: [5, 10, 20]}");
      continue;
    }
    out.push_back({path, {doc.text.substr(span->begin, span->end - span->begin), value_kind(v.node()), v.loc()}, where});
  }
  return out;
}

}  // namespace kpsim::input
