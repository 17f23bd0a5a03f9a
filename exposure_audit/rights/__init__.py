"""Acting on findings: controllers, letters, evidence, deadlines and the request tracker."""
