// The one input-error type: a list of located diagnostics, thrown at the
// boundary (io, validation, compile) and caught once by the command line.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace kpsim::model {

// Where a value came from: file, 1-based line and column, and the key path
// ("projects[3].template"). line == 0 means "the file as a whole".
struct SourceLoc {
  std::string file;
  int line = 0, column = 0;
  std::string key_path;
};

struct Diagnostic {
  std::string code;  // stable id, e.g. "E-SCN-017"
  SourceLoc where;
  std::string message;

  // "file:line:column: key_path: message [code]"
  std::string format() const;
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Collects every error of one pass so the user sees all of them at once.
class Diagnostics {
 public:
  static constexpr std::size_t kMaxErrors = 200;
  void error(std::string code, SourceLoc where, std::string message);
  void warning(std::string code, SourceLoc where, std::string message);
  bool has_errors() const { return !errors_.empty(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  // Throws InputError with all errors collected so far, if any.
  void throw_if_errors() const;

 private:
  std::vector<Diagnostic> errors_, warnings_;
};

}  // namespace kpsim::model
