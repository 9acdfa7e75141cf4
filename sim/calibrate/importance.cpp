#include "sim/calibrate/importance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/core/rng.hpp"

namespace kpsim::calibrate {
namespace {

constexpr double kLogSqrt2Pi = 0.91893853320467274178;

// Streams of the calibration's own draws (points, resampling), apart from
// the simulation's: keyed by seed, wave and what the draw is for.
core::RngStream stream(std::uint64_t seed, std::uint32_t wave, std::uint64_t what, std::uint64_t index) {
  return core::RngStream::keyed(seed, wave, what, index, core::Purpose::calibration);
}

double log_sum_exp(const std::vector<double>& v) {
  double top = -INFINITY;
  for (double x : v) top = std::max(top, x);
  if (!std::isfinite(top)) return top;
  double s = 0;
  for (double x : v) s += std::exp(x - top);
  return top + std::log(s);
}

}  // namespace

double log_prior(const std::vector<double>& z, const std::vector<PriorSpace>& priors) {
  double s = 0;
  for (std::size_t d = 0; d < priors.size(); ++d) s += priors[d].log_density(z[d]);
  return s;
}

std::vector<std::size_t> systematic_resample(const std::vector<double>& weights, std::size_t count, double u) {
  std::vector<std::size_t> out;
  out.reserve(count);
  double cum = weights.empty() ? 0 : weights[0];
  std::size_t i = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const double target = (static_cast<double>(k) + u) / static_cast<double>(count);
    while (target > cum && i + 1 < weights.size()) cum += weights[++i];
    out.push_back(i);
  }
  return out;
}

Proposal::Proposal(const std::vector<Particle>& particles, const std::vector<double>& weights,
                   const std::vector<PriorSpace>& priors, std::size_t centres, std::uint64_t seed, std::uint32_t wave) {
  const std::size_t dims = priors.size();
  sigma_.assign(dims, 0.0);
  for (std::size_t d = 0; d < dims; ++d) {
    double mean = 0, var = 0;
    for (std::size_t i = 0; i < particles.size(); ++i) mean += weights[i] * particles[i].z[d];
    for (std::size_t i = 0; i < particles.size(); ++i) var += weights[i] * std::pow(particles[i].z[d] - mean, 2);
    const double width = priors[d].hi() - priors[d].lo();
    sigma_[d] = std::clamp(std::sqrt(2 * var), 1e-3 * width, width);
  }
  core::RngStream rng = stream(seed, wave, 1, 0);
  for (std::size_t i : systematic_resample(weights, centres, rng.uniform())) centres_.push_back(particles[i].z);
  for (const auto& c : centres_) {
    double log_mass = 0;
    for (std::size_t d = 0; d < dims; ++d)
      log_mass += std::log(std::max(normal_cdf((priors[d].hi() - c[d]) / sigma_[d]) - normal_cdf((priors[d].lo() - c[d]) / sigma_[d]), 1e-300));
    log_norm_.push_back(log_mass);
  }
}

std::vector<std::vector<double>> Proposal::draw(std::size_t count, const std::vector<PriorSpace>& priors,
                                                std::uint64_t seed, std::uint32_t wave) const {
  const std::size_t dims = priors.size();
  std::vector<std::vector<double>> out(count, std::vector<double>(dims));
  if (centres_.empty()) {
    // Latin hypercube: each dimension's count strata, in a shuffled order.
    for (std::size_t d = 0; d < dims; ++d) {
      std::vector<std::size_t> strata(count);
      std::iota(strata.begin(), strata.end(), 0);
      core::RngStream rng = stream(seed, wave, 2, d);
      for (std::size_t i = count; i > 1; --i) std::swap(strata[i - 1], strata[static_cast<std::size_t>(rng.uniform() * static_cast<double>(i))]);
      for (std::size_t i = 0; i < count; ++i)
        out[i][d] = priors[d].quantile((static_cast<double>(strata[i]) + rng.uniform()) / static_cast<double>(count));
    }
    return out;
  }
  for (std::size_t i = 0; i < count; ++i) {
    core::RngStream rng = stream(seed, wave, 3, i);
    const auto& c = centres_[std::min(centres_.size() - 1, static_cast<std::size_t>(rng.uniform() * static_cast<double>(centres_.size())))];
    for (std::size_t d = 0; d < dims; ++d) {
      const double a = normal_cdf((priors[d].lo() - c[d]) / sigma_[d]), b = normal_cdf((priors[d].hi() - c[d]) / sigma_[d]);
      const double z = c[d] + sigma_[d] * normal_quantile(a + rng.uniform() * (b - a));
      out[i][d] = std::clamp(z, priors[d].lo(), priors[d].hi());
    }
  }
  return out;
}

double Proposal::log_density(const std::vector<double>& z, const std::vector<PriorSpace>& priors) const {
  if (centres_.empty()) return log_prior(z, priors);
  for (std::size_t d = 0; d < priors.size(); ++d)
    if (!(z[d] >= priors[d].lo() && z[d] <= priors[d].hi())) return -INFINITY;
  std::vector<double> terms(centres_.size());
  for (std::size_t j = 0; j < centres_.size(); ++j) {
    double s = -log_norm_[j];
    for (std::size_t d = 0; d < priors.size(); ++d) {
      const double t = (z[d] - centres_[j][d]) / sigma_[d];
      s += -0.5 * t * t - kLogSqrt2Pi - std::log(sigma_[d]);
    }
    terms[j] = s;
  }
  return log_sum_exp(terms) - std::log(static_cast<double>(centres_.size()));
}

std::vector<double> amis_weights(const std::vector<Particle>& particles, const std::vector<Proposal>& proposals,
                                 const std::vector<std::size_t>& drawn, const std::vector<PriorSpace>& priors) {
  const double total = static_cast<double>(std::accumulate(drawn.begin(), drawn.end(), std::size_t{0}));
  std::vector<double> log_w(particles.size());
  std::vector<double> mix(proposals.size());
  for (std::size_t i = 0; i < particles.size(); ++i) {
    for (std::size_t t = 0; t < proposals.size(); ++t)
      mix[t] = std::log(static_cast<double>(drawn[t]) / total) + proposals[t].log_density(particles[i].z, priors);
    log_w[i] = log_prior(particles[i].z, priors) + particles[i].log_likelihood - log_sum_exp(mix);
    if (std::isnan(log_w[i])) log_w[i] = -INFINITY;
  }
  const double norm = log_sum_exp(log_w);
  std::vector<double> w(particles.size(), 0.0);
  if (!std::isfinite(norm)) return std::vector<double>(particles.size(), 1.0 / static_cast<double>(particles.size()));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = std::exp(log_w[i] - norm);
  return w;
}

double effective_sample_size(const std::vector<double>& w) {
  double s = 0, s2 = 0;
  for (double x : w) s += x, s2 += x * x;
  return s2 > 0 ? s * s / s2 : 0;
}

double weighted_quantile(std::vector<std::pair<double, double>> vw, double q) {
  std::sort(vw.begin(), vw.end());
  double cum = 0, total = 0;
  for (const auto& [v, w] : vw) total += w;
  for (const auto& [v, w] : vw) {
    cum += w;
    if (cum >= q * total) return v;
  }
  return vw.empty() ? std::nan("") : vw.back().first;
}

}  // namespace kpsim::calibrate
