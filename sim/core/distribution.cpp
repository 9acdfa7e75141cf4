#include "sim/core/distribution.hpp"

#include <cmath>

namespace kpsim::core {

double deterministic_value(const Distribution& d) {
  switch (d.kind) {
    case DistKind::fixed: return d.a;
    case DistKind::uniform: return 0.5 * (d.a + d.b);
    case DistKind::triangular:
    case DistKind::pert: return d.b;
    case DistKind::lognormal: return std::exp(d.a - d.b * d.b);
    case DistKind::exponential: return d.a;
  }
  return d.a;
}

double mean(const Distribution& d) {
  switch (d.kind) {
    case DistKind::fixed: return d.a;
    case DistKind::uniform: return 0.5 * (d.a + d.b);
    case DistKind::triangular: return (d.a + d.b + d.c) / 3.0;
    case DistKind::pert: return (d.a + 4.0 * d.b + d.c) / 6.0;
    case DistKind::lognormal: return std::exp(d.a + 0.5 * d.b * d.b);
    case DistKind::exponential: return d.a;
  }
  return d.a;
}

Distribution scaled(const Distribution& d, double k) {
  switch (d.kind) {
    case DistKind::lognormal: return {d.kind, d.a + std::log(k), d.b, d.c};
    case DistKind::exponential:
    case DistKind::fixed: return {d.kind, d.a * k, d.b, d.c};
    case DistKind::uniform: return {d.kind, d.a * k, d.b * k, d.c};
    case DistKind::triangular:
    case DistKind::pert: return {d.kind, d.a * k, d.b * k, d.c * k};
  }
  return d;
}

std::string_view kind_name(DistKind k) {
  switch (k) {
    case DistKind::fixed: return "fixed";
    case DistKind::uniform: return "uniform";
    case DistKind::triangular: return "triangular";
    case DistKind::pert: return "pert";
    case DistKind::lognormal: return "lognormal";
    case DistKind::exponential: return "exponential";
  }
  return "?";
}

}  // namespace kpsim::core
