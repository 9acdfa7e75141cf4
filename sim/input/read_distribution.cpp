#include "sim/input/read_distribution.hpp"

#include <cmath>

namespace kpsim::input {
namespace {

constexpr double kZ90 = 1.2815515655446004;  // standard normal 0.9 quantile

std::optional<std::vector<double>> numbers(const Value& v, std::size_t count, const char* what) {
  if (!v.is_sequence() || v.node().size() != count) {
    v.error("E-DIST-002", std::string("expected a list of ") + std::to_string(count) + " numbers " + what);
    return std::nullopt;
  }
  std::vector<double> out;
  for (const Value& e : v.elements()) {
    auto x = e.number();
    if (!x) return std::nullopt;
    if (*x < 0) {
      e.error("E-DIST-003", "durations cannot be negative");
      return std::nullopt;
    }
    out.push_back(*x);
  }
  return out;
}

std::optional<core::Distribution> read_lognormal(const Value& v) {
  MapReader m(v, {"median", "p90", "mu", "sigma", "mean", "sd"});
  if (!m.ok()) return std::nullopt;
  auto positive = [&](const char* key) -> std::optional<double> {
    auto x = m.require(key);
    if (!x) return std::nullopt;
    auto n = x->number();
    if (n && *n <= 0) {
      x->error("E-DIST-004", std::string(key) + " must be positive");
      return std::nullopt;
    }
    return n;
  };
  if (m.has("median") || m.has("p90")) {
    auto median = positive("median"), p90 = positive("p90");
    if (!median || !p90) return std::nullopt;
    if (*p90 <= *median) {
      m.get("p90")->error("E-DIST-005", "p90 must be greater than the median");
      return std::nullopt;
    }
    return core::Distribution{core::DistKind::lognormal, std::log(*median), std::log(*p90 / *median) / kZ90, 0};
  }
  if (m.has("mean") || m.has("sd")) {
    auto mean = positive("mean"), sd = positive("sd");
    if (!mean || !sd) return std::nullopt;
    const double s2 = std::log1p((*sd / *mean) * (*sd / *mean));
    return core::Distribution{core::DistKind::lognormal, std::log(*mean) - 0.5 * s2, std::sqrt(s2), 0};
  }
  auto mu = m.require("mu");
  auto sigma = positive("sigma");
  if (!mu) return std::nullopt;
  auto mu_v = mu->number();
  if (!mu_v || !sigma) return std::nullopt;
  return core::Distribution{core::DistKind::lognormal, *mu_v, *sigma, 0};
}

}  // namespace

namespace {

// The largest value a distribution can take in practice (its P99.9999 for
// unbounded ones), held against the limit.
double practical_max(const core::Distribution& d) {
  switch (d.kind) {
    case core::DistKind::fixed: return d.a;
    case core::DistKind::uniform: return d.b;
    case core::DistKind::triangular:
    case core::DistKind::pert: return d.c;
    case core::DistKind::lognormal: return std::exp(d.a + 4.75 * d.b);
    case core::DistKind::exponential: return d.a * 13.8;
  }
  return d.a;
}

std::optional<core::Distribution> within_limit(const Value& v, std::optional<core::Distribution> d) {
  if (d && !(practical_max(*d) <= core::kMaxDurationDays)) {
    v.error("E-DIST-008", "durations beyond " + std::to_string(static_cast<int>(core::kMaxDurationDays)) +
                              " working days (100 years) cannot be scheduled");
    return std::nullopt;
  }
  return d;
}

std::optional<core::Distribution> read_any(const Value& v);

}  // namespace

std::optional<core::Distribution> read_distribution(const Value& v) { return within_limit(v, read_any(v)); }

namespace {

std::optional<core::Distribution> read_any(const Value& v) {
  if (v.is_scalar()) {
    auto x = v.number();
    if (!x) return std::nullopt;
    if (*x < 0) {
      v.error("E-DIST-003", "durations cannot be negative");
      return std::nullopt;
    }
    return core::Distribution::fixed(*x);
  }
  MapReader m(v, {"fixed", "uniform", "triangular", "pert", "lognormal", "exponential"});
  if (!m.ok()) return std::nullopt;
  if (v.node().size() != 1) {
    v.error("E-DIST-001", "a distribution has exactly one kind: fixed, uniform, triangular, pert, lognormal or exponential");
    return std::nullopt;
  }
  if (auto f = m.get("fixed")) return read_any(*f);
  if (auto u = m.get("uniform")) {
    auto p = numbers(*u, 2, "[min, max]");
    if (!p) return std::nullopt;
    if ((*p)[0] > (*p)[1]) {
      u->error("E-DIST-006", "uniform needs min <= max");
      return std::nullopt;
    }
    return core::Distribution{core::DistKind::uniform, (*p)[0], (*p)[1], 0};
  }
  for (const char* kind : {"triangular", "pert"}) {
    auto t = m.get(kind);
    if (!t) continue;
    auto p = numbers(*t, 3, "[min, mode, max]");
    if (!p) return std::nullopt;
    const auto& x = *p;
    if (!(x[0] <= x[1] && x[1] <= x[2])) {
      t->error("E-DIST-007", std::string(kind) + " needs min <= mode <= max");
      return std::nullopt;
    }
    return core::Distribution{kind[0] == 't' ? core::DistKind::triangular : core::DistKind::pert, x[0], x[1], x[2]};
  }
  if (auto l = m.get("lognormal")) return read_lognormal(*l);
  if (auto e = m.get("exponential")) {
    MapReader em(*e, {"mean"});
    auto mean = em.require("mean");
    if (!mean) return std::nullopt;
    auto x = mean->number();
    if (!x) return std::nullopt;
    if (*x <= 0) {
      mean->error("E-DIST-004", "mean must be positive");
      return std::nullopt;
    }
    return core::Distribution{core::DistKind::exponential, *x, 0, 0};
  }
  return std::nullopt;  // unreachable: MapReader reported the unknown key
}

}  // namespace
}  // namespace kpsim::input
