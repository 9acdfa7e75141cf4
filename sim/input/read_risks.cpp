#include "sim/input/read_risks.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>

#include "sim/input/read_distribution.hpp"
#include "sim/input/read_enums.hpp"
#include "sim/core/suggest.hpp"
#include "sim/model/ids.hpp"

namespace kpsim::input {
using core::did_you_mean;
using core::nearest_name;
namespace {

const std::vector<std::string> kGroupFields{"district", "kind", "class", "template", "level"};

void read_matrix(const Value& v, model::Copula& c) {
  const std::size_t n = c.members.size();
  const auto rows = v.elements();
  if (rows.size() != n) {
    v.error("E-RISK-001", "expected a " + std::to_string(n) + "×" + std::to_string(n) + " matrix, one row per member");
    return;
  }
  for (const Value& row : rows) {
    const auto cells = row.elements();
    if (cells.size() != n) {
      row.error("E-RISK-001", "expected " + std::to_string(n) + " numbers, one per member");
      return;
    }
    auto& out = c.matrix.emplace_back();
    for (const Value& cell : cells) {
      auto x = cell.number();
      if (!x) return;
      if (*x < -1 || *x > 1) {
        cell.error("E-RISK-002", "a correlation is between -1 and 1");
        return;
      }
      out.push_back(*x);
    }
  }
  Eigen::MatrixXd m(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = c.matrix[i][j];
      if (i == j && c.matrix[i][j] != 1.0) {
        rows[i].elements()[j].error("E-RISK-003", "the diagonal of a correlation matrix is 1");
        return;
      }
      if (c.matrix[i][j] != c.matrix[j][i]) {
        rows[i].elements()[j].error("E-RISK-004", "the matrix is not symmetric: row " + std::to_string(i + 1) +
                                                      ", column " + std::to_string(j + 1));
        return;
      }
    }
  if (Eigen::LLT<Eigen::MatrixXd>(m).info() != Eigen::Success)
    v.error("E-RISK-005", "the correlation matrix is not positive definite: no set of variables can have these correlations");
}

void read_target(const Value& v, const model::Scenario& sc, model::RiskTarget& t) {
  MapReader m(v, {"step", "milestone", "type", "templates", "kind", "class", "from", "to"});
  if (!m.ok()) return;
  std::vector<std::string> steps, milestones;
  for (const auto& tmpl : sc.templates)
    for (const auto& s : tmpl.steps) {
      steps.push_back(s.id);
      if (!s.milestone.empty()) milestones.push_back(s.milestone);
    }
  auto known = [](const std::vector<std::string>& names, const std::string& x) {
    return std::find(names.begin(), names.end(), x) != names.end();
  };
  if (auto s = m.get("step"))
    if (auto id = s->text()) {
      if (known(steps, *id)) t.step = *id;
      else s->error("E-REF-001", "no template has a step '" + *id + "'" + did_you_mean(*id, steps));
    }
  if (auto s = m.get("milestone"))
    if (auto name = s->text()) {
      if (known(milestones, *name)) t.milestone = *name;
      else s->error("E-REF-001", "no step reaches milestone '" + *name + "'" + did_you_mean(*name, milestones));
    }
  if (auto s = m.get("type")) t.type = read_step_type(*s);
  if (auto s = m.get("templates"))
    for (const Value& e : s->one_or_many())
      if (auto id = e.text()) {
        if (sc.find_template(*id)) t.templates.push_back(*id);
        else e.error("E-REF-001", "unknown template '" + *id + "'" + did_you_mean(*id, model::ids_of(sc.templates)));
      }
  if (auto s = m.get("kind")) t.kind = read_kind(*s);
  if (auto s = m.get("class")) t.project_class = read_class(*s);
  if (auto s = m.get("from")) t.from = s->date();
  if (auto s = m.get("to")) t.to = s->date();  // a window may reach past the tables: it only filters
  if (t.from && t.to && *t.to < *t.from) m.get("to")->error("E-RISK-006", "the window ends before it starts");
}

}  // namespace

void read_copulas(const Value& v, model::Scenario& sc) {
  MapReader m(v, {});
  for (auto& [id, value] : m.entries()) {
    model::Copula c;
    c.id = id;
    c.loc = value.loc();
    MapReader cm(value, {"by", "members", "matrix", "loading"});
    if (!cm.ok()) continue;
    if (auto by = cm.require("by")) c.by = by->one_of(kGroupFields).value_or("");
    if (auto members = cm.require("members")) {
      for (const Value& e : members->elements())
        if (auto name = e.text()) {
          if (std::find(c.members.begin(), c.members.end(), *name) != c.members.end())
            e.error("E-RISK-007", "member '" + *name + "' is listed twice");
          c.members.push_back(*name);
        }
      if (members->is_sequence() && members->node().size() == 0)
        members->error("E-RISK-013", "a copula needs at least one member (a value of '" + c.by + "')");
    }
    if (auto matrix = cm.require("matrix"); matrix && !c.members.empty()) read_matrix(*matrix, c);
    if (auto l = cm.get("loading"))
      if (auto x = l->number()) {
        if (*x < 0 || *x > 1) l->error("E-RISK-008", "the loading (share of the common factor) is between 0 and 1");
        else c.loading = *x;
      }
    sc.copulas.push_back(std::move(c));
  }
}

void read_risks(const Value& v, model::Scenario& sc) {
  for (const Value& e : v.elements()) {
    MapReader m(e, {"id", "name", "on", "probability", "delay", "rework", "stall", "pause_until", "copula"});
    if (!m.ok()) continue;
    model::Risk r;
    r.loc = e.loc();
    if (auto id = m.require("id")) r.id = id->text().value_or("");
    for (const auto& other : sc.risks)
      if (!r.id.empty() && other.id == r.id) m.get("id")->error("E-RISK-009", "duplicate risk id '" + r.id + "'");
    if (auto n = m.get("name")) r.name = n->text().value_or("");
    if (r.name.empty()) r.name = r.id;
    if (auto on = m.require("on")) read_target(*on, sc, r.target);
    if (auto p = m.require("probability"))
      if (auto x = p->number()) {
        if (*x < 0 || *x > 1) p->error("E-RISK-010", "a probability is between 0 and 1");
        else r.probability = *x;
      }
    int effects = 0;
    if (auto d = m.get("delay")) ++effects, r.effect = model::RiskEffect::delay, r.amount = read_distribution(*d).value_or(r.amount);
    if (auto d = m.get("stall")) ++effects, r.effect = model::RiskEffect::stall, r.amount = read_distribution(*d).value_or(r.amount);
    if (auto d = m.get("rework")) {
      ++effects;
      r.effect = model::RiskEffect::rework;
      if (auto b = d->boolean(); b && !*b) d->error("E-RISK-011", "write 'rework: true', or leave the risk out");
    }
    if (auto d = m.get("pause_until")) {
      ++effects;
      r.effect = model::RiskEffect::pause_until;
      if (auto until = d->date()) {
        if (*until > sc.last_table_day())
          d->error("E-VAL-005", "after " + sc.last_table_day().iso() + ", where the calendars end (the horizon plus 25 years)");
        else r.until = *until;
      }
    }
    if (effects != 1) e.error("E-RISK-012", "a risk has exactly one effect: delay, rework, stall or pause_until");
    if (auto c = m.get("copula"))
      if (auto id = c->text()) {
        if (std::any_of(sc.copulas.begin(), sc.copulas.end(), [&](const auto& x) { return x.id == *id; })) r.copula = *id;
        else c->error("E-REF-001", "unknown copula '" + *id + "'" + did_you_mean(*id, model::ids_of(sc.copulas)));
      }
    sc.risks.push_back(std::move(r));
  }
}

}  // namespace kpsim::input
