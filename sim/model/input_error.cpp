#include "sim/model/input_error.hpp"

namespace kpsim::model {
namespace {

std::string summarize(const std::vector<Diagnostic>& ds) {
  if (ds.empty()) return "invalid input";
  std::string s = ds.front().format();
  if (ds.size() > 1) s += " (and " + std::to_string(ds.size() - 1) + " more)";
  return s;
}

}  // namespace

std::string Diagnostic::format() const {
  std::string s;
  s.append(where.file.empty() ? std::string_view("<input>") : std::string_view(where.file));
  if (where.line > 0) s.append(":").append(std::to_string(where.line)).append(":").append(std::to_string(where.column));
  s.append(": ");
  if (!where.key_path.empty()) s.append(where.key_path).append(": ");
  s.append(message);
  if (!code.empty()) s.append(" [").append(code).append("]");
  return s;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarize(diagnostics)), diagnostics_(std::move(diagnostics)) {}

void Diagnostics::error(std::string code, SourceLoc where, std::string message) {
  // Past the limit, one last line says so: a huge bad file gets a readable answer.
  if (errors_.size() == kMaxErrors)
    errors_.push_back({"E-IO-004", where, "too many errors; stopped reporting after " + std::to_string(kMaxErrors)});
  if (errors_.size() > kMaxErrors) return;
  errors_.push_back({std::move(code), std::move(where), std::move(message)});
}

void Diagnostics::warning(std::string code, SourceLoc where, std::string message) {
  warnings_.push_back({std::move(code), std::move(where), std::move(message)});
}

void Diagnostics::throw_if_errors() const {
  if (!errors_.empty()) throw InputError(errors_);
}

}  // namespace kpsim::model
