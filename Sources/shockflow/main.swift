import ShockFlowLinearAlgebra

FastKernel.reexecuteIfNeeded()
CommandLineEntry.main()
