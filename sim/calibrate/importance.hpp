// Adaptive multiple importance sampling (AMIS; Cornuet, Marin, Mira and
// Robert, Scand. J. Stat. 2012) over waves of parameter points. Wave 0 is a
// Latin hypercube from the prior; each later wave is drawn from a mixture of
// kernels centred on points resampled by the current weights (the
// population Monte Carlo kernel of Beaumont et al., Biometrika 2009: twice
// the weighted variance, per dimension, truncated to the prior's bounds).
// Every point of every wave is then weighted by its prior × likelihood over
// the mixture of all proposals so far (the deterministic-mixture weights),
// so no simulation is thrown away.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/calibrate/prior_space.hpp"

namespace kpsim::calibrate {

struct Particle {
  std::vector<double> z;  // in sampler space
  double log_likelihood = 0;
};

class Proposal {
 public:
  // The prior itself.
  Proposal() = default;
  // Kernels on `centres` points resampled from `particles` by `weights`.
  Proposal(const std::vector<Particle>& particles, const std::vector<double>& weights, const std::vector<PriorSpace>& priors,
           std::size_t centres, std::uint64_t seed, std::uint32_t wave);

  // `count` points of wave `wave`: a Latin hypercube from the prior, or draws
  // from the kernels.
  std::vector<std::vector<double>> draw(std::size_t count, const std::vector<PriorSpace>& priors, std::uint64_t seed,
                                        std::uint32_t wave) const;
  double log_density(const std::vector<double>& z, const std::vector<PriorSpace>& priors) const;
  const std::vector<double>& bandwidth() const { return sigma_; }

 private:
  std::vector<std::vector<double>> centres_;
  std::vector<double> sigma_;
  std::vector<double> log_norm_;  // per centre: log of its kernel's mass inside the bounds
};

double log_prior(const std::vector<double>& z, const std::vector<PriorSpace>& priors);

// Normalised weights of every particle, given the proposal each wave drew
// from and how many points it drew.
std::vector<double> amis_weights(const std::vector<Particle>& particles, const std::vector<Proposal>& proposals,
                                 const std::vector<std::size_t>& drawn, const std::vector<PriorSpace>& priors);

// Kish's effective sample size of normalised weights.
double effective_sample_size(const std::vector<double>& weights);

// The q-quantile of values under normalised weights.
double weighted_quantile(std::vector<std::pair<double, double>> value_weight, double q);

// `count` indices drawn by systematic resampling (one uniform from `u`).
std::vector<std::size_t> systematic_resample(const std::vector<double>& weights, std::size_t count, double u);

}  // namespace kpsim::calibrate
