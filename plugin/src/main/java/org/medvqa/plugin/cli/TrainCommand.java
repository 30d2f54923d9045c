package org.medvqa.plugin.cli;

import picocli.CommandLine.Command;

/** {@code medvqa train sft|grpo}: fine-tune a model on a local dataset. */
@Command(
    name = "train",
    description = "Fine-tune a model: SFT or GRPO",
    subcommands = {TrainSftCommand.class, TrainGrpoCommand.class})
public final class TrainCommand {}
