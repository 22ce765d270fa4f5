// CommandRunner, CommandResult and Snapshot live in ShockFlowTestSupport (shared with the other test
// targets); re-exported here so that every file of the command-line tests sees them, including files
// written before they moved that do not import the module themselves.
@_exported import ShockFlowTestSupport
