#include "sim/input/read_calibration.hpp"

#include <cmath>
#include <filesystem>

#include "sim/input/read_dispatch.hpp"
#include "sim/input/yaml_reader.hpp"

namespace kpsim::input {
namespace {

std::string resolve(const std::string& base_dir, const std::string& file) {
  const std::filesystem::path p(file);
  return p.is_absolute() || base_dir.empty() ? file : (std::filesystem::path(base_dir) / p).string();
}

// The rounding step of a number as written: 40.92 → 0.01, 47 → 1, 1.5e3 → 100.
double step_as_written(const std::string& text) {
  const auto e = text.find_first_of("eE");
  const std::string mantissa = text.substr(0, e);
  const int exponent = e == std::string::npos ? 0 : std::atoi(text.c_str() + e + 1);
  const auto dot = mantissa.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  return std::pow(10.0, exponent - decimals);
}

class CalibrationReader {
 public:
  CalibrationReader(const YamlDocument& doc, model::Diagnostics& diag) : doc_(doc), diag_(diag) {}

  model::CalibrationSpec read() {
    s_.file = doc_.path;
    dir_ = std::filesystem::path(doc_.path).parent_path().string();
    const Value root = doc_.root_value(diag_);
    s_.loc = root.loc();
    MapReader m(root, {"kpsim", "calibration", "description", "base", "policies", "parameters", "observations",
                       "method", "forecast"});
    if (!m.ok()) return s_;
    if (auto v = m.require("kpsim"))
      if (auto n = v->integer(); n && *n != 1) v->error("E-SCN-001", "unsupported schema version " + std::to_string(*n));
    if (auto v = m.require("calibration")) s_.name = v->text().value_or("");
    if (auto v = m.get("description")) v->text();
    if (auto v = m.require("base")) {
      s_.base = resolve(dir_, v->text().value_or(""));
      s_.files_named_at.push_back(v->loc());
    }
    if (auto v = m.get("policies"))
      for (const Value& e : v->one_or_many())
        if (auto f = e.text()) {
          s_.overlays.push_back(resolve(dir_, *f));
          s_.files_named_at.push_back(e.loc());
        }
    if (auto v = m.require("parameters")) {
      for (const Value& e : v->elements()) read_parameter(e);
      if (v->is_sequence() && s_.parameters.empty()) v->error("E-CLB-001", "give at least one parameter to calibrate");
      if (s_.parameters.size() > kMaxParameters)
        v->error("E-CLB-001", "at most " + std::to_string(kMaxParameters) +
                                  " parameters: importance sampling over more needs far more points than a city can run");
    }
    if (auto v = m.require("observations")) {
      for (const Value& e : v->elements()) read_observation(e);
      if (v->is_sequence() && v->node().size() == 0) v->error("E-CLB-010", "give at least one observation");
    }
    if (auto v = m.get("method")) read_method(*v);
    if (auto v = m.get("forecast")) read_forecast(*v);
    return s_;
  }

 private:
  static constexpr std::size_t kMaxParameters = 12;

  std::optional<int> bounded_integer(const Value& v, std::int64_t lo, std::int64_t hi, const char* what) {
    auto n = v.integer();
    if (!n) return std::nullopt;
    if (*n < lo || *n > hi) {
      v.error("E-CLB-030", std::string(what) + " is " + std::to_string(lo) + " to " + std::to_string(hi));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  void read_parameter(const Value& e) {
    MapReader m(e, {"name", "path", "prior", "integer", "reason"});
    if (!m.ok()) return;
    model::CalibrationParameter p;
    p.loc = e.loc();
    if (auto v = m.require("path")) {
      p.path = v->text().value_or("");
      p.loc = v->loc();
    }
    p.name = p.path;
    if (auto v = m.get("name")) p.name = v->text().value_or(p.name);
    if (auto v = m.get("integer")) p.integer = v->boolean().value_or(false);
    if (auto v = m.get("reason")) p.reason = v->text().value_or("");
    if (auto v = m.require("prior")) {
      read_prior(*v, p);
      // Otherwise there is no value to round a draw to.
      if (p.integer && std::ceil(p.prior.lo) > std::floor(p.prior.hi))
        v->error("E-CLB-004", "an integer parameter's prior must hold a whole number");
    }
    for (const model::CalibrationParameter& q : s_.parameters)
      if (q.path == p.path && !p.path.empty()) e.error("E-CLB-002", "'" + p.path + "' is calibrated twice");
    s_.parameters.push_back(std::move(p));
  }

  // {uniform: [a, b]}, {loguniform: [a, b]}, {normal: [mean, sd], bounds: [lo, hi]},
  // {lognormal: [median, sdlog], bounds: [lo, hi]}.
  void read_prior(const Value& v, model::CalibrationParameter& p) {
    MapReader m(v, {"uniform", "loguniform", "normal", "lognormal", "bounds"});
    if (!m.ok()) return;
    model::Prior& prior = p.prior;
    prior.loc = v.loc();
    int forms = 0;
    const std::pair<const char*, model::PriorKind> kinds[] = {{"uniform", model::PriorKind::uniform},
                                                              {"loguniform", model::PriorKind::loguniform},
                                                              {"normal", model::PriorKind::normal},
                                                              {"lognormal", model::PriorKind::lognormal}};
    std::optional<Value> form;
    for (const auto& [key, kind] : kinds)
      if (auto x = m.get(key)) {
        ++forms;
        prior.kind = kind;
        form = x;
      }
    if (forms != 1) {
      v.error("E-CLB-003", "a prior is one of uniform, loguniform, normal, lognormal");
      return;
    }
    const auto pair = numbers(*form);
    if (!pair) return;
    prior.a = (*pair)[0];
    prior.b = (*pair)[1];
    const bool ranged = prior.kind == model::PriorKind::uniform || prior.kind == model::PriorKind::loguniform;
    if (ranged) {
      if (!(prior.a < prior.b)) return form->error("E-CLB-004", "a range's lower end must be below its upper end");
      if (prior.kind == model::PriorKind::loguniform && !(prior.a > 0))
        return form->error("E-CLB-004", "a loguniform range is above 0");
      prior.lo = prior.a;
      prior.hi = prior.b;
      if (auto b = m.get("bounds")) b->error("E-CLB-005", "a range is its own bounds");
      return;
    }
    if (!(prior.b > 0)) return form->error("E-CLB-004", "the spread (second number) must be above 0");
    if (prior.kind == model::PriorKind::lognormal && !(prior.a > 0))
      return form->error("E-CLB-004", "a lognormal's median is above 0");
    auto b = m.get("bounds");
    if (!b) return v.error("E-CLB-005", "give 'bounds: [lo, hi]': every point drawn must be a value the scenario takes");
    const auto bounds = numbers(*b);
    if (!bounds) return;
    prior.lo = (*bounds)[0];
    prior.hi = (*bounds)[1];
    if (!(prior.lo < prior.hi)) return b->error("E-CLB-004", "a range's lower end must be below its upper end");
    if (prior.kind == model::PriorKind::lognormal && !(prior.lo >= 0))
      return b->error("E-CLB-004", "a lognormal's bounds are at least 0");
  }

  std::optional<std::array<double, 2>> numbers(const Value& v) {
    const std::vector<Value> e = v.elements();
    if (!v.is_sequence()) return std::nullopt;
    if (e.size() != 2) {
      v.error("E-CLB-004", "expected two numbers [a, b]");
      return std::nullopt;
    }
    auto a = e[0].number(), b = e[1].number();
    if (!a || !b) return std::nullopt;
    return std::array<double, 2>{*a, *b};
  }

  void read_observation(const Value& e) {
    MapReader m(e, {"label", "investment", "count", "approval_days", "dispatch", "value", "exact", "rounded", "se",
                    "discrepancy"});
    if (!m.ok()) return;
    model::Observation o;
    o.loc = e.loc();
    if (auto v = m.get("label")) o.label = v->text().value_or("");
    int kinds = 0;
    for (const char* k : {"investment", "count", "approval_days", "dispatch"}) kinds += m.has(k);
    if (kinds != 1) return e.error("E-CLB-011", "an observation is one of investment, count, approval_days, dispatch");
    if (auto v = m.get("discrepancy"))
      if (auto d = v->number()) {
        if (*d < 0) v->error("E-CLB-012", "a model discrepancy is a standard deviation, at least 0");
        else o.discrepancy = *d;
      }
    if (auto v = m.get("dispatch")) return read_dispatch_observations(*v, m, o);
    if (auto v = m.get("investment")) {
      o.kind = model::ObservationKind::investment;
      MapReader im(*v, {"to", "category", "district"});
      if (!im.ok()) return;
      if (auto to = im.require("to")) o.date = month_end(*to).value_or(o.date);
      if (auto c = im.get("category")) o.category = c->text().value_or("");
      if (auto d = im.get("district")) o.district = d->text().value_or("");
    } else if (auto v = m.get("count")) {
      o.kind = model::ObservationKind::count;
      MapReader cm(*v, {"what", "at", "class"});
      if (!cm.ok()) return;
      if (auto w = cm.require("what"))
        if (auto x = w->one_of({"not_started", "started", "completed"}))
          o.what = *x == "started" ? model::CountWhat::started
                   : *x == "completed" ? model::CountWhat::completed : model::CountWhat::not_started;
      if (auto at = cm.require("at")) o.date = at->date().value_or(o.date);
      if (auto c = cm.get("class")) o.group = read_group(*c);
    } else if (auto v = m.get("approval_days")) {
      o.kind = model::ObservationKind::approval_days;
      MapReader am(*v, {"class"});
      if (!am.ok()) return;
      if (auto c = am.get("class")) o.group = read_group(*c);
    }
    auto value = m.require("value");
    if (!value) return;
    const auto x = value->number();
    if (!x) return;
    o.value = *x;
    if (o.kind != model::ObservationKind::investment && o.value < 0)
      value->error("E-CLB-013", "a count or a number of days is at least 0");
    const bool counted = o.kind == model::ObservationKind::count;
    read_precision(m, o, counted ? 0.0 : step_as_written(value->node().Scalar()));
    s_.observations.push_back(std::move(o));
  }

  // exact | rounded: w | se: s; by default a count is exact and a number is
  // rounded to its last digit as written.
  void read_precision(const MapReader& m, model::Observation& o, double default_step) {
    int given = 0;
    for (const char* k : {"exact", "rounded", "se"}) given += m.has(k);
    if (given > 1) return m.self().error("E-CLB-014", "give one of exact, rounded, se");
    if (auto v = m.get("exact")) {
      if (v->boolean().value_or(true)) o.precision_sd = 0, o.precision = "exact";
      else v->error("E-CLB-014", "'exact: false' says nothing: give rounded or se instead");
      return;
    }
    if (auto v = m.get("rounded")) {
      if (auto w = v->number()) {
        if (!(*w > 0)) return v->error("E-CLB-014", "a rounding step is above 0");
        o.precision_sd = *w / std::sqrt(12.0);
        o.precision = "rounded " + v->node().Scalar();
      }
      return;
    }
    if (auto v = m.get("se")) {
      if (auto s = v->number()) {
        if (!(*s >= 0)) return v->error("E-CLB-014", "a standard error is at least 0");
        o.precision_sd = *s;
        o.precision = "se " + v->node().Scalar();
      }
      return;
    }
    if (default_step > 0) {
      o.precision_sd = default_step / std::sqrt(12.0);
      o.precision = "rounded " + format_step(default_step);
    } else {
      o.precision = "exact";
    }
  }

  static std::string format_step(double w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", w);
    return buf;
  }

  void read_dispatch_observations(const Value& v, const MapReader& m, const model::Observation& common) {
    if (auto x = m.get("value")) x->error("E-CLB-015", "a dispatch table's values are in its file");
    model::Observation o = common;
    read_precision(m, o, 0.0);
    const bool stated = m.has("exact") || m.has("rounded") || m.has("se");
    for (model::Observation& d : read_dispatch_table(v, dir_)) {
      if (d.kind == model::ObservationKind::project_investment && stated) {
        d.precision_sd = o.precision_sd;
        d.precision = o.precision;
      }
      d.discrepancy = common.discrepancy;
      s_.observations.push_back(std::move(d));
    }
  }

  std::optional<core::Date> month_end(const Value& v) {
    auto s = v.scalar("a month YYYY-MM");
    if (!s) return std::nullopt;
    auto d = core::parse_month_end(s->text);
    if (!d) v.error("E-CLB-016", "expected a month YYYY-MM (or 2026年5月), got '" + s->text + "'");
    return d;
  }

  model::ProjectGroup read_group(const Value& v) {
    auto x = v.one_of({"all", "key"});
    return x && *x == "key" ? model::ProjectGroup::key : model::ProjectGroup::all;
  }

  void read_method(const Value& v) {
    MapReader m(v, {"points", "waves", "replications", "seed", "discrepancy"});
    if (!m.ok()) return;
    if (auto x = m.get("points")) s_.points = bounded_integer(*x, 8, 100'000, "points per wave").value_or(s_.points);
    if (auto x = m.get("waves")) s_.waves = bounded_integer(*x, 1, 50, "waves").value_or(s_.waves);
    if (auto x = m.get("replications"))
      s_.replications = bounded_integer(*x, 4, 10'000, "replications per point").value_or(s_.replications);
    if (auto x = m.get("seed")) s_.seed = read_seed(*x).value_or(s_.seed);
    if (auto x = m.get("discrepancy"))
      if (auto d = x->number()) {
        if (*d < 0 || *d > 1) x->error("E-CLB-012", "the default model discrepancy is a share of the observed value, 0 to 1");
        else s_.discrepancy = *d;
      }
  }

  void read_forecast(const Value& v) {
    MapReader m(v, {"replications", "draws"});
    if (!m.ok()) return;
    if (auto x = m.get("replications")) s_.forecast_replications = read_replications(*x).value_or(s_.forecast_replications);
    if (auto x = m.get("draws")) s_.forecast_draws = bounded_integer(*x, 1, 100'000, "posterior draws").value_or(s_.forecast_draws);
    if (s_.forecast_draws > s_.forecast_replications)
      v.error("E-CLB-031", "each posterior draw needs at least one replication: draws ≤ replications");
  }

  const YamlDocument& doc_;
  model::Diagnostics& diag_;
  std::string dir_;
  model::CalibrationSpec s_;
};

}  // namespace

model::CalibrationSpec load_calibration(const std::string& path) {
  model::Diagnostics diag;
  model::CalibrationSpec spec;
  if (auto doc = parse_yaml_file(path, diag)) spec = CalibrationReader(*doc, diag).read();
  diag.throw_if_errors();
  return spec;
}

model::CalibrationSpec load_calibration_text(const std::string& text, const std::string& path) {
  model::Diagnostics diag;
  model::CalibrationSpec spec;
  if (auto doc = parse_yaml_text(text, path, diag)) spec = CalibrationReader(*doc, diag).read();
  diag.throw_if_errors();
  return spec;
}

}  // namespace kpsim::input
