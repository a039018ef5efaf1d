//! Generated inputs to every public function.
