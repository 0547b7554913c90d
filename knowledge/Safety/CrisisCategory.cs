namespace ChatAssistant.Knowledge.Safety;

/// <summary>What kind of danger a message speaks of; staff see it on the urgent hand-off.</summary>
public enum CrisisCategory
{
    /// <summary>Wanting to die, a plan or means, a goodbye, self-harm.</summary>
    Suicide,

    /// <summary>Beaten or neglected at home, unwanted touching, sexual violence or coercion.</summary>
    Abuse,

    /// <summary>Threats to kill or hurt, robbery or extortion, violent bullying, stalking, a plan to hurt others.</summary>
    Violence,

    /// <summary>An emergency happening now: someone breaking in, followed at night, an overdose, trapped, a fire.</summary>
    Danger,
}
