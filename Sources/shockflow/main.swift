import ShockFlowProcess

FastKernel.reexecuteIfNeeded()
CommandLineEntry.main()
